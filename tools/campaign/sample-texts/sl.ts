import type { SampleText } from './sample-text';

export const sl: SampleText = {
  title: 'Evropsko zavezništvo pristanišč: skupna izjava proti trgovini s prepovedanimi drogami in infiltraciji kriminala v pristanišča EU',
  paragraphs: [
    'Podpisani organi kazenskega pregona, carinski organi, pristaniške uprave, zasebni upravljavci pristanišč in agencije EU skupaj z Evropsko komisijo',
    '',
    'ob priznanju, da kriminalne mreže izkoriščajo pristanišča EU za trgovino s prepovedanimi drogami in da zasegi kokaina v EU presegajo 300 ton na leto,',
    '',
    'se zavezujemo, da bomo skupaj ukrepali proti organiziranemu kriminalu: ugotavljali ranljivosti naših pristanišč, si izmenjevali dobre prakse, uporabljali varnostne standarde EU in mednarodne varnostne standarde ter se upirali ustrahovanju, korupciji in infiltraciji kriminala.',
  ],
  commitments: {
    'share-intelligence': 'Izmenjevati kriminalistične obveščevalne podatke o trgovini prek pristanišč s partnerskimi agencijami in Europolom.',
    'joint-operations': 'Sodelovati v skupnih operacijah v pristaniščih EU.',
    'risk-analysis': 'Uporabljati skupno analizo tveganja za zabojnike, ki prihajajo iz krajev porekla z visokim tveganjem.',
    'scanning': 'Uvesti zmogljivosti za skeniranje zabojnikov v skladu s standardi EU.',
    'access-control': 'Izvajati nadzor dostopa in varnostna preverjanja pristaniških delavcev.',
    'vulnerability-assessment': 'Vsako leto oceniti ranljivost pristanišča za infiltracijo kriminala.',
    'screen-staff': 'Preverjati osebje na občutljivih delovnih mestih in ga ščititi pred ustrahovanjem.',
    'report-incidents': 'Sumljive dogodke nemudoma prijaviti pristojnim organom.',
    'secure-data': 'Zavarovati podatke o sprostitvi zabojnikov (kode PIN) pred zlorabo.',
    'support-members': 'Podpirati člane zavezništva z analizami, usklajevanjem in usposabljanjem.',
  },
};
