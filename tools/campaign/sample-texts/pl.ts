import type { SampleText } from './sample-text';

export const pl: SampleText = {
  title: 'Europejski Sojusz Portów: wspólna deklaracja przeciwko handlowi narkotykami i przenikaniu przestępczości do portów UE',
  paragraphs: [
    'My, niżej podpisane organy ścigania, organy celne, zarządy portów, prywatni operatorzy portowi i agencje UE, wraz z Komisją Europejską,',
    '',
    'uznając, że siatki przestępcze wykorzystują porty UE do przemytu narkotyków oraz że ilość kokainy przechwytywanej w UE przekracza 300 ton rocznie,',
    '',
    'zobowiązujemy się do wspólnego działania przeciwko przestępczości zorganizowanej: do identyfikowania słabych punktów naszych portów, wymiany najlepszych praktyk, stosowania unijnych i międzynarodowych norm bezpieczeństwa oraz przeciwstawiania się zastraszaniu, korupcji i przenikaniu przestępczości.',
  ],
  commitments: {
    'share-intelligence': 'Wymieniać informacje kryminalne dotyczące przemytu przez porty z agencjami partnerskimi i Europolem.',
    'joint-operations': 'Uczestniczyć we wspólnych operacjach w portach UE.',
    'risk-analysis': 'Stosować wspólną analizę ryzyka wobec kontenerów przybywających z miejsc pochodzenia wysokiego ryzyka.',
    'scanning': 'Wdrażać zdolności w zakresie skanowania kontenerów zgodnie z normami UE.',
    'access-control': 'Egzekwować kontrolę dostępu i weryfikację pracowników portu.',
    'vulnerability-assessment': 'Co roku oceniać podatność portu na przenikanie przestępczości.',
    'screen-staff': 'Weryfikować pracowników na szczególnie narażonych stanowiskach i chronić ich przed zastraszaniem.',
    'report-incidents': 'Niezwłocznie zgłaszać podejrzane zdarzenia właściwym organom.',
    'secure-data': 'Zabezpieczać dane dotyczące wydawania kontenerów (kody PIN) przed nadużyciami.',
    'support-members': 'Wspierać członków Sojuszu analizami, koordynacją i szkoleniami.',
  },
};
