import type { SampleText } from './sample-text';

export const sk: SampleText = {
  title: 'Európska aliancia prístavov: spoločné vyhlásenie proti obchodovaniu s drogami a prenikaniu trestnej činnosti do prístavov EÚ',
  paragraphs: [
    'My, dolu podpísané orgány presadzovania práva, colné orgány, prístavné orgány, súkromní prevádzkovatelia prístavov a agentúry EÚ, spolu s Európskou komisiou,',
    '',
    'uznávajúc, že zločinecké siete zneužívajú prístavy EÚ na obchodovanie s drogami a že zaistenia kokaínu v EÚ presahujú 300 ton ročne,',
    '',
    'sa zaväzujeme konať spoločne proti organizovanej trestnej činnosti: odhaľovať zraniteľné miesta našich prístavov, vymieňať si najlepšie postupy, uplatňovať bezpečnostné normy EÚ a medzinárodné bezpečnostné normy a odolávať zastrašovaniu, korupcii a prenikaniu trestnej činnosti.',
  ],
  commitments: {
    'share-intelligence': 'Vymieňať si s partnerskými agentúrami a Europolom spravodajské informácie o trestnej činnosti týkajúce sa obchodovania cez prístavy.',
    'joint-operations': 'Zúčastňovať sa na spoločných operáciách v prístavoch EÚ.',
    'risk-analysis': 'Uplatňovať spoločnú analýzu rizika na kontajnery prichádzajúce z vysoko rizikových miest pôvodu.',
    'scanning': 'Zavádzať kapacity na skenovanie kontajnerov v súlade s normami EÚ.',
    'access-control': 'Presadzovať kontrolu prístupu a bezpečnostné preverenie prístavných pracovníkov.',
    'vulnerability-assessment': 'Každoročne posudzovať zraniteľnosť prístavu voči prenikaniu trestnej činnosti.',
    'screen-staff': 'Preverovať zamestnancov na citlivých pozíciách a chrániť ich pred zastrašovaním.',
    'report-incidents': 'Bezodkladne hlásiť podozrivé udalosti príslušným orgánom.',
    'secure-data': 'Zabezpečiť údaje o uvoľňovaní kontajnerov (kódy PIN) proti zneužitiu.',
    'support-members': 'Podporovať členov aliancie analýzami, koordináciou a odbornou prípravou.',
  },
};
