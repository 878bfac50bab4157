import type { SampleText } from './sample-text';

export const fr: SampleText = {
  title: 'Alliance européenne des ports : déclaration commune contre le trafic de drogue et l’infiltration criminelle dans les ports de l’UE',
  paragraphs: [
    'Nous, services répressifs, autorités douanières, autorités portuaires, opérateurs portuaires privés et agences de l’UE soussignés, conjointement avec la Commission européenne,',
    '',
    'reconnaissant que des réseaux criminels exploitent les ports de l’UE pour le trafic de drogue, et que les saisies de cocaïne dans l’UE dépassent 300 tonnes par an,',
    '',
    'nous engageons à agir ensemble contre la criminalité organisée : recenser les vulnérabilités de nos ports, partager les bonnes pratiques, appliquer les normes de sûreté de l’UE et internationales, et résister à l’intimidation, à la corruption et à l’infiltration criminelle.',
  ],
  commitments: {
    'share-intelligence': 'Partager avec les services partenaires et Europol le renseignement criminel sur les trafics liés aux ports.',
    'joint-operations': 'Participer à des opérations conjointes dans les ports de l’UE.',
    'risk-analysis': 'Appliquer une analyse de risque commune aux conteneurs en provenance d’origines à haut risque.',
    'scanning': 'Déployer des capacités de scannage des conteneurs conformes aux normes de l’UE.',
    'access-control': 'Appliquer le contrôle d’accès et les enquêtes de sécurité pour les travailleurs portuaires.',
    'vulnerability-assessment': 'Évaluer chaque année les vulnérabilités du port face à l’infiltration criminelle.',
    'screen-staff': 'Contrôler le personnel occupant des postes sensibles et le protéger contre l’intimidation.',
    'report-incidents': 'Signaler sans délai les incidents suspects aux autorités compétentes.',
    'secure-data': 'Protéger contre les abus les données de mainlevée des conteneurs (codes PIN).',
    'support-members': 'Soutenir les membres de l’Alliance par l’analyse, la coordination et la formation.',
  },
};
