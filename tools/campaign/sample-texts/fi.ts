import type { SampleText } from './sample-text';

export const fi: SampleText = {
  title: 'Euroopan satamaliittouma: yhteinen julistus huumekauppaa ja rikollisen toiminnan soluttautumista EU:n satamiin vastaan',
  paragraphs: [
    'Me allekirjoittaneet lainvalvontaviranomaiset, tulliviranomaiset, satamaviranomaiset, yksityiset satamaoperaattorit ja EU:n virastot yhdessä Euroopan komission kanssa,',
    '',
    'jotka toteamme, että rikollisverkostot käyttävät EU:n satamia huumekauppaan ja että EU:ssa takavarikoidaan kokaiinia yli 300 tonnia vuodessa,',
    '',
    'sitoudumme toimimaan yhdessä järjestäytynyttä rikollisuutta vastaan: tunnistamaan satamiemme haavoittuvuudet, jakamaan parhaita käytäntöjä, soveltamaan EU:n ja kansainvälisiä turvallisuusstandardeja sekä vastustamaan uhkailua, korruptiota ja rikollisen toiminnan soluttautumista.',
  ],
  commitments: {
    'share-intelligence': 'Jaamme satamien kautta tapahtuvaa kauppaa koskevia rikostiedustelutietoja kumppanivirastojen ja Europolin kanssa.',
    'joint-operations': 'Osallistumme yhteisiin operaatioihin EU:n satamissa.',
    'risk-analysis': 'Sovellamme yhteistä riskianalyysia konteihin, jotka saapuvat korkean riskin alkuperäpaikoista.',
    'scanning': 'Otamme käyttöön konttien läpivalaisuvalmiudet EU:n standardien mukaisesti.',
    'access-control': 'Huolehdimme kulunvalvonnasta ja satamatyöntekijöiden taustatarkastuksista.',
    'vulnerability-assessment': 'Arvioimme vuosittain sataman alttiuden rikollisen toiminnan soluttautumiselle.',
    'screen-staff': 'Tarkastamme arkaluonteisissa tehtävissä toimivan henkilöstön ja suojelemme sitä uhkailulta.',
    'report-incidents': 'Ilmoitamme epäilyttävistä tapahtumista viipymättä toimivaltaisille viranomaisille.',
    'secure-data': 'Suojaamme konttien luovutustiedot (PIN-koodit) väärinkäytöltä.',
    'support-members': 'Tuemme liittouman jäseniä analyyseilla, koordinoinnilla ja koulutuksella.',
  },
};
