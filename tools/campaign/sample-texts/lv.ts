import type { SampleText } from './sample-text';

export const lv: SampleText = {
  title: 'Eiropas Ostu alianse: kopīgā deklarācija pret narkotiku tirdzniecību un noziedzīgu iefiltrēšanos ES ostās',
  paragraphs: [
    'Mēs, apakšā parakstījušies tiesībaizsardzības iestādes, muitas dienesti, ostu pārvaldes, privātie ostu operatori un ES aģentūras, kopā ar Eiropas Komisiju,',
    '',
    'atzīstot, ka noziedzīgi tīkli izmanto ES ostas narkotiku tirdzniecībai un ka ES ik gadu tiek konfiscētas vairāk nekā 300 tonnas kokaīna,',
    '',
    'apņemamies rīkoties kopā pret organizēto noziedzību: apzināt mūsu ostu ievainojamību, apmainīties ar paraugpraksi, piemērot ES un starptautiskos drošības standartus un pretoties iebiedēšanai, korupcijai un noziedzīgai iefiltrēšanai.',
  ],
  commitments: {
    'share-intelligence': 'Apmainīties ar kriminālizlūkošanas informāciju par tirdzniecību caur ostām ar partneraģentūrām un Eiropolu.',
    'joint-operations': 'Piedalīties kopīgās operācijās ES ostās.',
    'risk-analysis': 'Piemērot kopīgu riska analīzi konteineriem, kas ierodas no augsta riska izcelsmes vietām.',
    'scanning': 'Ieviest konteineru skenēšanas spējas saskaņā ar ES standartiem.',
    'access-control': 'Nodrošināt piekļuves kontroli un ostas darbinieku drošības pārbaudes.',
    'vulnerability-assessment': 'Katru gadu novērtēt ostas ievainojamību pret noziedzīgu iefiltrēšanos.',
    'screen-staff': 'Pārbaudīt darbiniekus jutīgos amatos un aizsargāt viņus pret iebiedēšanu.',
    'report-incidents': 'Nekavējoties ziņot kompetentajām iestādēm par aizdomīgiem incidentiem.',
    'secure-data': 'Aizsargāt konteineru izlaišanas datus (PIN kodus) pret ļaunprātīgu izmantošanu.',
    'support-members': 'Atbalstīt alianses dalībniekus ar analīzi, koordināciju un apmācību.',
  },
};
