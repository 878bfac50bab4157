import type { SampleText } from './sample-text';

export const et: SampleText = {
  title: 'Euroopa Sadamate Liit: ühisdeklaratsioon uimastikaubanduse ja kuritegeliku sissetungi vastu ELi sadamates',
  paragraphs: [
    'Meie, allakirjutanud õiguskaitseasutused, tolliasutused, sadamate haldusasutused, eraettevõtjatest sadamakäitajad ja ELi ametid koos Euroopa Komisjoniga,',
    '',
    'tunnistades, et kuritegelikud võrgustikud kasutavad ELi sadamaid uimastikaubanduseks ning et ELis konfiskeeritakse aastas üle 300 tonni kokaiini,',
    '',
    'kohustume tegutsema ühiselt organiseeritud kuritegevuse vastu: tuvastama oma sadamate haavatavused, jagama parimaid tavasid, kohaldama ELi ja rahvusvahelisi turvastandardeid ning seisma vastu hirmutamisele, korruptsioonile ja kuritegelikule sissetungile.',
  ],
  commitments: {
    'share-intelligence': 'Jagada partnerasutuste ja Europoliga kriminaalluureteavet sadamate kaudu toimuva kaubanduse kohta.',
    'joint-operations': 'Osaleda ühisoperatsioonides ELi sadamates.',
    'risk-analysis': 'Kohaldada ühist riskianalüüsi suure riskiga päritolukohtadest saabuvatele konteineritele.',
    'scanning': 'Võtta kasutusele konteinerite skaneerimise võimekus kooskõlas ELi standarditega.',
    'access-control': 'Tagada sadamatöötajate juurdepääsukontroll ja taustakontroll.',
    'vulnerability-assessment': 'Hinnata igal aastal sadama haavatavust kuritegeliku sissetungi suhtes.',
    'screen-staff': 'Kontrollida tundlikel ametikohtadel töötavaid töötajaid ja kaitsta neid hirmutamise eest.',
    'report-incidents': 'Teatada kahtlastest juhtumitest viivitamata pädevatele asutustele.',
    'secure-data': 'Kaitsta konteinerite väljastamise andmeid (PIN-koode) väärkasutuse eest.',
    'support-members': 'Toetada liidu liikmeid analüüsi, koordineerimise ja koolitusega.',
  },
};
