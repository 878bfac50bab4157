import type { SampleText } from './sample-text';

export const sv: SampleText = {
  title: 'Europeiska hamnalliansen: Gemensam förklaring mot narkotikahandel och kriminell infiltration i EU:s hamnar',
  paragraphs: [
    'Vi, undertecknade brottsbekämpande myndigheter, tullmyndigheter, hamnmyndigheter, privata hamnoperatörer och EU-byråer, tillsammans med Europeiska kommissionen,',
    '',
    'som konstaterar att kriminella nätverk utnyttjar EU:s hamnar för narkotikahandel och att beslagen av kokain i EU överstiger 300 ton per år,',
    '',
    'åtar oss att agera tillsammans mot organiserad brottslighet: att identifiera sårbarheterna i våra hamnar, att utbyta bästa praxis, att tillämpa EU:s och internationella säkerhetsstandarder samt att stå emot hot, korruption och kriminell infiltration.',
  ],
  commitments: {
    'share-intelligence': 'Utbyta underrättelser om hamnrelaterad smuggling med partnermyndigheter och Europol.',
    'joint-operations': 'Delta i gemensamma insatser i EU:s hamnar.',
    'risk-analysis': 'Tillämpa gemensam riskanalys på containrar från ursprung med hög risk.',
    'scanning': 'Införa kapacitet för containerskanning i enlighet med EU:s standarder.',
    'access-control': 'Upprätthålla tillträdeskontroll och bakgrundskontroller för hamnarbetare.',
    'vulnerability-assessment': 'Varje år bedöma hamnens sårbarhet för kriminell infiltration.',
    'screen-staff': 'Granska personal i känsliga befattningar och skydda dem mot hot.',
    'report-incidents': 'Utan dröjsmål rapportera misstänkta händelser till de behöriga myndigheterna.',
    'secure-data': 'Skydda uppgifter för frisläppande av containrar (pinkoder) mot missbruk.',
    'support-members': 'Stödja alliansens medlemmar med analys, samordning och utbildning.',
  },
};
