import type { SampleText } from './sample-text';

export const mt: SampleText = {
  title: 'L-Alleanza Ewropea tal-Portijiet: dikjarazzjoni konġunta kontra t-traffikar tad-droga u l-infiltrazzjoni kriminali fil-portijiet tal-UE',
  paragraphs: [
    'Aħna, l-awtoritajiet tal-infurzar tal-liġi, l-awtoritajiet doganali, l-awtoritajiet portwali, l-operaturi privati tal-portijiet u l-aġenziji tal-UE iffirmati hawn taħt, flimkien mal-Kummissjoni Ewropea,',
    '',
    'filwaqt li nagħrfu li n-netwerks kriminali jisfruttaw il-portijiet tal-UE biex jittraffikaw id-droga, u li l-qbid tal-kokaina fl-UE jaqbeż it-300 tunnellata fis-sena,',
    '',
    'nimpenjaw ruħna li naġixxu flimkien kontra l-kriminalità organizzata: li nidentifikaw il-vulnerabbiltajiet tal-portijiet tagħna, li naqsmu l-aħjar prattiki, li napplikaw l-istandards tas-sigurtà tal-UE u internazzjonali, u li nirreżistu l-intimidazzjoni, il-korruzzjoni u l-infiltrazzjoni kriminali.',
  ],
  commitments: {
    'share-intelligence': 'Naqsmu l-intelligence kriminali dwar it-traffikar relatat mal-portijiet mal-aġenziji sħab u mal-Europol.',
    'joint-operations': 'Nieħdu sehem f’operazzjonijiet konġunti fil-portijiet tal-UE.',
    'risk-analysis': 'Napplikaw analiżi komuni tar-riskju għall-kontejners li jaslu minn oriġini ta’ riskju għoli.',
    'scanning': 'Nintroduċu kapaċità ta’ skennjar tal-kontejners f’konformità mal-istandards tal-UE.',
    'access-control': 'Ninfurzaw il-kontroll tal-aċċess u l-verifiki tal-isfond għall-ħaddiema tal-port.',
    'vulnerability-assessment': 'Nivvalutaw kull sena l-vulnerabbiltajiet tal-port għall-infiltrazzjoni kriminali.',
    'screen-staff': 'Nagħmlu skrinjar tal-persunal f’pożizzjonijiet sensittivi u nipproteġuh mill-intimidazzjoni.',
    'report-incidents': 'Nirrappurtaw inċidenti suspettużi lill-awtoritajiet kompetenti mingħajr dewmien.',
    'secure-data': 'Nipproteġu d-data tar-rilaxx tal-kontejners (kodiċijiet PIN) kontra l-użu ħażin.',
    'support-members': 'Nappoġġaw lill-membri tal-Alleanza b’analiżi, koordinazzjoni u taħriġ.',
  },
};
