import type { SampleText } from './sample-text';

export const de: SampleText = {
  title: 'Europäische Hafenallianz: Gemeinsame Erklärung gegen Drogenhandel und kriminelle Unterwanderung in den Häfen der EU',
  paragraphs: [
    'Wir, die unterzeichnenden Strafverfolgungsbehörden, Zollbehörden, Hafenbehörden, privaten Hafenbetreiber und Agenturen der EU, gemeinsam mit der Europäischen Kommission,',
    '',
    'in der Erkenntnis, dass kriminelle Netzwerke die Häfen der EU für den Drogenhandel missbrauchen und dass die Kokainsicherstellungen in der EU 300 Tonnen pro Jahr übersteigen,',
    '',
    'verpflichten uns, gemeinsam gegen die organisierte Kriminalität vorzugehen: die Schwachstellen unserer Häfen zu ermitteln, bewährte Verfahren auszutauschen, die Sicherheitsstandards der EU und internationale Sicherheitsstandards anzuwenden und uns Einschüchterung, Korruption und krimineller Unterwanderung zu widersetzen.',
  ],
  commitments: {
    'share-intelligence': 'Kriminalpolizeiliche Erkenntnisse über hafenbezogenen Schmuggel mit Partnerbehörden und Europol austauschen.',
    'joint-operations': 'An gemeinsamen Einsätzen in den Häfen der EU teilnehmen.',
    'risk-analysis': 'Eine gemeinsame Risikoanalyse auf Container aus Herkunftsorten mit hohem Risiko anwenden.',
    'scanning': 'Kapazitäten zur Durchleuchtung von Containern im Einklang mit den Standards der EU einsetzen.',
    'access-control': 'Zugangskontrollen und Zuverlässigkeitsüberprüfungen für Hafenbeschäftigte durchsetzen.',
    'vulnerability-assessment': 'Jedes Jahr die Anfälligkeit des Hafens für kriminelle Unterwanderung bewerten.',
    'screen-staff': 'Personal in sensiblen Positionen überprüfen und vor Einschüchterung schützen.',
    'report-incidents': 'Verdächtige Vorfälle unverzüglich den zuständigen Behörden melden.',
    'secure-data': 'Daten zur Freigabe von Containern (PIN-Codes) vor Missbrauch schützen.',
    'support-members': 'Die Mitglieder der Allianz mit Analyse, Koordinierung und Schulung unterstützen.',
  },
};
