import type { SampleText } from './sample-text';

export const lt: SampleText = {
  title: 'Europos uostų aljansas: bendra deklaracija prieš prekybą narkotikais ir nusikalstamų grupuočių skverbimąsi į ES uostus',
  paragraphs: [
    'Mes, toliau pasirašę teisėsaugos institucijos, muitinės, uostų administracijos, privatūs uostų operatoriai ir ES agentūros, kartu su Europos Komisija,',
    '',
    'pripažindami, kad nusikalstami tinklai naudojasi ES uostais prekybai narkotikais ir kad ES per metus konfiskuojama daugiau kaip 300 tonų kokaino,',
    '',
    'įsipareigojame veikti kartu prieš organizuotą nusikalstamumą: nustatyti savo uostų pažeidžiamumą, keistis gerąja patirtimi, taikyti ES ir tarptautinius saugumo standartus ir priešintis bauginimui, korupcijai ir nusikalstamų grupuočių skverbimuisi.',
  ],
  commitments: {
    'share-intelligence': 'Keistis su partnerių agentūromis ir Europolu kriminaline žvalgybos informacija apie prekybą per uostus.',
    'joint-operations': 'Dalyvauti bendrose operacijose ES uostuose.',
    'risk-analysis': 'Taikyti bendrą rizikos analizę konteineriams, atvežamiems iš didelės rizikos kilmės vietų.',
    'scanning': 'Diegti konteinerių skenavimo pajėgumus pagal ES standartus.',
    'access-control': 'Taikyti patekimo kontrolę ir uosto darbuotojų patikrinimus.',
    'vulnerability-assessment': 'Kasmet vertinti uosto pažeidžiamumą nusikalstamų grupuočių skverbimuisi.',
    'screen-staff': 'Tikrinti jautriose pareigose dirbančius darbuotojus ir apsaugoti juos nuo bauginimo.',
    'report-incidents': 'Nedelsiant pranešti kompetentingoms institucijoms apie įtartinus incidentus.',
    'secure-data': 'Apsaugoti konteinerių išleidimo duomenis (PIN kodus) nuo piktnaudžiavimo.',
    'support-members': 'Remti aljanso narius teikiant analizę, koordinavimą ir mokymus.',
  },
};
