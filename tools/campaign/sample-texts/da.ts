import type { SampleText } from './sample-text';

export const da: SampleText = {
  title: 'Den Europæiske Havnealliance: Fælles erklæring mod narkotikahandel og kriminel infiltration i EU’s havne',
  paragraphs: [
    'Vi, undertegnede retshåndhævende myndigheder, toldmyndigheder, havnemyndigheder, private havneoperatører og EU-agenturer, sammen med Europa-Kommissionen,',
    '',
    'som erkender, at kriminelle netværk udnytter EU’s havne til narkotikahandel, og at beslaglæggelserne af kokain i EU overstiger 300 tons om året,',
    '',
    'forpligter os til at handle sammen mod organiseret kriminalitet: at identificere vores havnes sårbarheder, at udveksle bedste praksis, at anvende EU’s og internationale sikkerhedsstandarder og at modstå intimidering, korruption og kriminel infiltration.',
  ],
  commitments: {
    'share-intelligence': 'Udveksle kriminalefterretninger om havnerelateret smugling med partnermyndigheder og Europol.',
    'joint-operations': 'Deltage i fælles operationer i EU’s havne.',
    'risk-analysis': 'Anvende fælles risikoanalyse på containere fra højrisikooprindelsessteder.',
    'scanning': 'Indsætte kapacitet til scanning af containere i overensstemmelse med EU-standarder.',
    'access-control': 'Håndhæve adgangskontrol og baggrundstjek for havnearbejdere.',
    'vulnerability-assessment': 'Vurdere havnens sårbarhed over for kriminel infiltration hvert år.',
    'screen-staff': 'Screene personale i følsomme stillinger og beskytte dem mod intimidering.',
    'report-incidents': 'Indberette mistænkelige hændelser til de kompetente myndigheder uden ophold.',
    'secure-data': 'Beskytte data til frigivelse af containere (PIN-koder) mod misbrug.',
    'support-members': 'Støtte Alliancens medlemmer med analyse, koordinering og uddannelse.',
  },
};
