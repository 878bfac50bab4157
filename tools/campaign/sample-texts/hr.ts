import type { SampleText } from './sample-text';

export const hr: SampleText = {
  title: 'Europski savez luka: zajednička izjava protiv trgovine drogom i prodora kriminala u luke EU-a',
  paragraphs: [
    'Mi, dolje potpisana tijela za izvršavanje zakonodavstva, carinska tijela, lučke uprave, privatni lučki operatori i agencije EU-a, zajedno s Europskom komisijom,',
    '',
    'prepoznajući da kriminalne mreže iskorištavaju luke EU-a za trgovinu drogom i da zapljene kokaina u EU-u premašuju 300 tona godišnje,',
    '',
    'obvezujemo se da ćemo zajednički djelovati protiv organiziranog kriminala: utvrđivati slabe točke svojih luka, razmjenjivati najbolje prakse, primjenjivati sigurnosne standarde EU-a i međunarodne sigurnosne standarde te se odupirati zastrašivanju, korupciji i prodoru kriminala.',
  ],
  commitments: {
    'share-intelligence': 'Razmjenjivati kriminalističko-obavještajne podatke o trgovini preko luka s partnerskim agencijama i Europolom.',
    'joint-operations': 'Sudjelovati u zajedničkim operacijama u lukama EU-a.',
    'risk-analysis': 'Primjenjivati zajedničku analizu rizika na kontejnere koji stižu iz visokorizičnih mjesta podrijetla.',
    'scanning': 'Uvesti kapacitete za skeniranje kontejnera u skladu sa standardima EU-a.',
    'access-control': 'Provoditi kontrolu pristupa i sigurnosne provjere lučkih radnika.',
    'vulnerability-assessment': 'Svake godine procjenjivati ranjivost luke na prodor kriminala.',
    'screen-staff': 'Provjeravati osoblje na osjetljivim radnim mjestima i štititi ga od zastrašivanja.',
    'report-incidents': 'Bez odgode prijavljivati sumnjive događaje nadležnim tijelima.',
    'secure-data': 'Zaštititi podatke o puštanju kontejnera (PIN kodove) od zlouporabe.',
    'support-members': 'Podupirati članove saveza analizama, koordinacijom i osposobljavanjem.',
  },
};
