import type { CreateDeclarationInput } from '../../functions/domain/declaration';

/** The joint declaration used by the demo and the tests (an abridged text). */
export function sampleDeclaration(): CreateDeclarationInput {
  return {
    version: '1.0',
    defaultLanguage: 'en',
    texts: {
      en: {
        title: 'European Ports Alliance: Joint Declaration against drug trafficking and criminal infiltration in EU ports',
        text: [
          'We, the undersigned law-enforcement agencies, customs authorities, port authorities, private port operators and EU agencies, together with the European Commission,',
          '',
          'recognising that criminal networks exploit EU ports to traffic drugs, and that cocaine seizures in the EU exceed 300 tonnes a year,',
          '',
          'commit to act together against organised crime: to identify the vulnerabilities of our ports, to share best practice, to apply EU and international security standards, and to resist intimidation, corruption and criminal infiltration.',
        ].join('\n'),
      },
      fr: {
        title: 'Alliance européenne des ports : déclaration commune contre le trafic de drogue et l’infiltration criminelle dans les ports de l’UE',
        text: [
          'Nous, services répressifs, autorités douanières, autorités portuaires, opérateurs portuaires privés et agences de l’UE soussignés, avec la Commission européenne,',
          '',
          'nous engageons à agir ensemble contre la criminalité organisée : recenser les vulnérabilités de nos ports, partager les bonnes pratiques, appliquer les normes de sécurité européennes et internationales, et résister à l’intimidation, à la corruption et à l’infiltration criminelle.',
        ].join('\n'),
      },
    },
    commitments: {
      law_enforcement: [
        { id: 'share-intelligence', text: 'Share criminal intelligence on port-related trafficking with partner agencies and Europol.', required: true },
        { id: 'joint-operations', text: 'Take part in joint operations in EU ports.', required: false },
      ],
      customs: [
        { id: 'risk-analysis', text: 'Apply common risk analysis to containers arriving from high-risk origins.', required: true },
        { id: 'scanning', text: 'Deploy container scanning capacity in line with EU standards.', required: true },
      ],
      port_authority: [
        { id: 'access-control', text: 'Enforce access control and background checks for port workers.', required: true },
        { id: 'vulnerability-assessment', text: 'Assess the port’s vulnerabilities to criminal infiltration every year.', required: true },
      ],
      private_operator: [
        { id: 'screen-staff', text: 'Screen staff in sensitive positions and protect them from intimidation.', required: true },
        { id: 'report-incidents', text: 'Report suspicious incidents to the competent authorities without delay.', required: true },
        { id: 'secure-data', text: 'Secure container release data (PIN codes) against misuse.', required: false },
      ],
      eu_agency: [{ id: 'support-members', text: 'Support the Alliance’s members with analysis, coordination and training.', required: true }],
    },
  };
}
