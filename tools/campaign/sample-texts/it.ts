import type { SampleText } from './sample-text';

export const it: SampleText = {
  title: 'Alleanza europea dei porti: dichiarazione congiunta contro il traffico di droga e l’infiltrazione criminale nei porti dell’UE',
  paragraphs: [
    'Noi, autorità di contrasto, autorità doganali, autorità portuali, operatori portuali privati e agenzie dell’UE firmatari, insieme alla Commissione europea,',
    '',
    'riconoscendo che le reti criminali sfruttano i porti dell’UE per il traffico di droga e che i sequestri di cocaina nell’UE superano le 300 tonnellate all’anno,',
    '',
    'ci impegniamo ad agire insieme contro la criminalità organizzata: individuare le vulnerabilità dei nostri porti, condividere le migliori pratiche, applicare le norme di sicurezza dell’UE e internazionali e resistere all’intimidazione, alla corruzione e all’infiltrazione criminale.',
  ],
  commitments: {
    'share-intelligence': 'Condividere con le agenzie partner e con Europol le informazioni di intelligence criminale sul traffico legato ai porti.',
    'joint-operations': 'Partecipare a operazioni congiunte nei porti dell’UE.',
    'risk-analysis': 'Applicare un’analisi comune dei rischi ai container provenienti da origini ad alto rischio.',
    'scanning': 'Impiegare capacità di scansione dei container conformi alle norme dell’UE.',
    'access-control': 'Applicare il controllo degli accessi e i controlli dei precedenti per i lavoratori portuali.',
    'vulnerability-assessment': 'Valutare ogni anno le vulnerabilità del porto all’infiltrazione criminale.',
    'screen-staff': 'Sottoporre a verifica il personale in posizioni sensibili e proteggerlo dalle intimidazioni.',
    'report-incidents': 'Segnalare senza indugio gli incidenti sospetti alle autorità competenti.',
    'secure-data': 'Proteggere dagli abusi i dati di rilascio dei container (codici PIN).',
    'support-members': 'Sostenere i membri dell’Alleanza con attività di analisi, coordinamento e formazione.',
  },
};
