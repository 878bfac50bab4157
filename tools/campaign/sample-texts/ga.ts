import type { SampleText } from './sample-text';

export const ga: SampleText = {
  title: 'Comhghuaillíocht Eorpach na gCalafort: Dearbhú Comhpháirteach in aghaidh na gáinneála ar dhrugaí agus an insíothlaithe choiriúil i gcalafoirt an Aontais',
  paragraphs: [
    'Sinne, na húdaráis forfheidhmithe dlí, na húdaráis custaim, na húdaráis calafoirt, na hoibreoirí calafoirt príobháideacha agus gníomhaireachtaí an Aontais atá faoi shíniú, mar aon leis an gCoimisiún Eorpach,',
    '',
    'ag aithint dúinn go mbaineann líonraí coiriúla leas as calafoirt an Aontais chun gáinneáil a dhéanamh ar dhrugaí, agus gur mó ná 300 tonna in aghaidh na bliana na hurghabhálacha cócaoin san Aontas,',
    '',
    'geallaimid gníomhú le chéile in aghaidh na coireachta eagraithe: leochaileachtaí ár gcalafort a shainaithint, an dea-chleachtas a roinnt, caighdeáin slándála an Aontais agus caighdeáin slándála idirnáisiúnta a chur i bhfeidhm, agus seasamh in aghaidh imeaglaithe, éillithe agus insíothlaithe choiriúil.',
  ],
  commitments: {
    'share-intelligence': 'Faisnéis choiriúil faoi gháinneáil a bhaineann le calafoirt a roinnt le gníomhaireachtaí comhpháirtíochta agus le Europol.',
    'joint-operations': 'Páirt a ghlacadh in oibríochtaí comhpháirteacha i gcalafoirt an Aontais.',
    'risk-analysis': 'Anailís riosca choiteann a chur i bhfeidhm ar choimeádáin a thagann ó thionscnaimh ardriosca.',
    'scanning': 'Acmhainn scanta coimeádán a imscaradh i gcomhréir le caighdeáin an Aontais.',
    'access-control': 'Rialú rochtana agus seiceálacha cúlra d’oibrithe calafoirt a fhorfheidhmiú.',
    'vulnerability-assessment': 'Leochaileachtaí an chalafoirt i leith insíothlú coiriúil a mheasúnú gach bliain.',
    'screen-staff': 'Grinnfhiosrú a dhéanamh ar fhoireann i bpoist íogaire agus iad a chosaint ar imeaglú.',
    'report-incidents': 'Teagmhais amhrasacha a thuairisciú do na húdaráis inniúla gan mhoill.',
    'secure-data': 'Sonraí scaoilte coimeádán (cóid UAP) a chosaint ar mhí-úsáid.',
    'support-members': 'Tacú le comhaltaí na Comhghuaillíochta le hanailís, comhordú agus oiliúint.',
  },
};
