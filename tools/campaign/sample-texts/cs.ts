import type { SampleText } from './sample-text';

export const cs: SampleText = {
  title: 'Evropská aliance přístavů: společné prohlášení proti obchodu s drogami a pronikání trestné činnosti do přístavů EU',
  paragraphs: [
    'My, níže podepsané donucovací orgány, celní orgány, přístavní orgány, soukromí provozovatelé přístavů a agentury EU, spolu s Evropskou komisí,',
    '',
    'uznávajíce, že zločinecké sítě zneužívají přístavy EU k obchodu s drogami a že objem kokainu zadrženého v EU přesahuje 300 tun ročně,',
    '',
    'se zavazujeme jednat společně proti organizované trestné činnosti: odhalovat zranitelná místa našich přístavů, sdílet osvědčené postupy, uplatňovat bezpečnostní normy EU a mezinárodní bezpečnostní normy a odolávat zastrašování, korupci a pronikání trestné činnosti.',
  ],
  commitments: {
    'share-intelligence': 'Sdílet s partnerskými agenturami a Europolem informace z oblasti trestné činnosti o obchodu přes přístavy.',
    'joint-operations': 'Účastnit se společných operací v přístavech EU.',
    'risk-analysis': 'Uplatňovat společnou analýzu rizik u kontejnerů přicházejících z vysoce rizikových míst původu.',
    'scanning': 'Zavádět kapacity pro skenování kontejnerů v souladu s normami EU.',
    'access-control': 'Prosazovat kontrolu přístupu a bezpečnostní prověrky přístavních pracovníků.',
    'vulnerability-assessment': 'Každoročně posuzovat zranitelnost přístavu vůči pronikání trestné činnosti.',
    'screen-staff': 'Prověřovat zaměstnance na citlivých pozicích a chránit je před zastrašováním.',
    'report-incidents': 'Neprodleně hlásit podezřelé události příslušným orgánům.',
    'secure-data': 'Zabezpečit údaje o propouštění kontejnerů (kódy PIN) proti zneužití.',
    'support-members': 'Podporovat členy aliance analýzami, koordinací a odbornou přípravou.',
  },
};
