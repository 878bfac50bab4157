import type { OperatorLanguage } from '../../functions/domain/languages';

/**
 * The key terms of the campaign in every official EU language, as the EU's terminology database
 * (IATE, iate.europa.eu) records them, in the singular nominative. Every catalog uses these terms
 * for these concepts, in pages, emails and the certificate alike (test/unit/glossary.test.ts).
 */
export interface Glossary {
  readonly jointDeclaration: string;
  readonly commitment: string;
  readonly signatory: string;
  readonly countersignature: string;
  readonly electronicSeal: string;
  readonly oneTimeCode: string;
  readonly customsAuthority: string;
  readonly portAuthority: string;
  readonly lawEnforcementAuthority: string;
}

export const GLOSSARY: Readonly<Record<OperatorLanguage, Glossary>> = {
  // Български
  bg: {
    jointDeclaration: 'съвместна декларация',
    commitment: 'ангажимент',
    signatory: 'подписала страна',
    countersignature: 'приподписване',
    electronicSeal: 'електронен печат',
    oneTimeCode: 'еднократен код',
    customsAuthority: 'митнически орган',
    portAuthority: 'пристанищна администрация',
    lawEnforcementAuthority: 'правоприлагащ орган',
  },
  // Čeština
  cs: {
    jointDeclaration: 'společné prohlášení',
    commitment: 'závazek',
    signatory: 'signatář',
    countersignature: 'spolupodpis',
    electronicSeal: 'elektronická pečeť',
    oneTimeCode: 'jednorázový kód',
    customsAuthority: 'celní orgán',
    portAuthority: 'přístavní orgán',
    lawEnforcementAuthority: 'donucovací orgán',
  },
  // Dansk
  da: {
    jointDeclaration: 'fælles erklæring',
    commitment: 'tilsagn',
    signatory: 'underskriver',
    countersignature: 'kontrasignatur',
    electronicSeal: 'elektronisk segl',
    oneTimeCode: 'engangskode',
    customsAuthority: 'toldmyndighed',
    portAuthority: 'havnemyndighed',
    lawEnforcementAuthority: 'retshåndhævende myndighed',
  },
  // Deutsch
  de: {
    jointDeclaration: 'gemeinsame Erklärung',
    commitment: 'Verpflichtung',
    signatory: 'Unterzeichner',
    countersignature: 'Gegenzeichnung',
    electronicSeal: 'elektronisches Siegel',
    oneTimeCode: 'Einmalcode',
    customsAuthority: 'Zollbehörde',
    portAuthority: 'Hafenbehörde',
    lawEnforcementAuthority: 'Strafverfolgungsbehörde',
  },
  // Ελληνικά
  el: {
    jointDeclaration: 'κοινή δήλωση',
    commitment: 'δέσμευση',
    signatory: 'υπογράφων',
    countersignature: 'προσυπογραφή',
    electronicSeal: 'ηλεκτρονική σφραγίδα',
    oneTimeCode: 'κωδικός μίας χρήσης',
    customsAuthority: 'τελωνειακή αρχή',
    portAuthority: 'λιμενική αρχή',
    lawEnforcementAuthority: 'αρχή επιβολής του νόμου',
  },
  // English
  en: {
    jointDeclaration: 'joint declaration',
    commitment: 'commitment',
    signatory: 'signatory',
    countersignature: 'countersignature',
    electronicSeal: 'electronic seal',
    oneTimeCode: 'one-time code',
    customsAuthority: 'customs authority',
    portAuthority: 'port authority',
    lawEnforcementAuthority: 'law-enforcement authority',
  },
  // Español
  es: {
    jointDeclaration: 'declaración conjunta',
    commitment: 'compromiso',
    signatory: 'signatario',
    countersignature: 'refrendo',
    electronicSeal: 'sello electrónico',
    oneTimeCode: 'código de un solo uso',
    customsAuthority: 'autoridad aduanera',
    portAuthority: 'autoridad portuaria',
    lawEnforcementAuthority: 'autoridad policial',
  },
  // Eesti
  et: {
    jointDeclaration: 'ühisdeklaratsioon',
    commitment: 'kohustus',
    signatory: 'allkirjastaja',
    countersignature: 'kaasallkiri',
    electronicSeal: 'elektrooniline tempel',
    oneTimeCode: 'ühekordne kood',
    customsAuthority: 'tolliasutus',
    portAuthority: 'sadama haldusasutus',
    lawEnforcementAuthority: 'õiguskaitseasutus',
  },
  // Suomi
  fi: {
    jointDeclaration: 'yhteinen julistus',
    commitment: 'sitoumus',
    signatory: 'allekirjoittaja',
    countersignature: 'varmennus',
    electronicSeal: 'sähköinen leima',
    oneTimeCode: 'kertakäyttöinen koodi',
    customsAuthority: 'tulliviranomainen',
    portAuthority: 'satamaviranomainen',
    lawEnforcementAuthority: 'lainvalvontaviranomainen',
  },
  // Français
  fr: {
    jointDeclaration: 'déclaration commune',
    commitment: 'engagement',
    signatory: 'signataire',
    countersignature: 'contreseing',
    electronicSeal: 'cachet électronique',
    oneTimeCode: 'code à usage unique',
    customsAuthority: 'autorité douanière',
    portAuthority: 'autorité portuaire',
    lawEnforcementAuthority: 'service répressif',
  },
  // Gaeilge
  ga: {
    jointDeclaration: 'dearbhú comhpháirteach',
    commitment: 'gealltanas',
    signatory: 'sínitheoir',
    countersignature: 'frithshíniú',
    electronicSeal: 'séala leictreonach',
    oneTimeCode: 'cód aonuaire',
    customsAuthority: 'údarás custaim',
    portAuthority: 'údarás calafoirt',
    lawEnforcementAuthority: 'údarás forfheidhmithe dlí',
  },
  // Hrvatski
  hr: {
    jointDeclaration: 'zajednička izjava',
    commitment: 'obveza',
    signatory: 'potpisnik',
    countersignature: 'supotpis',
    electronicSeal: 'elektronički pečat',
    oneTimeCode: 'jednokratni kod',
    customsAuthority: 'carinsko tijelo',
    portAuthority: 'lučka uprava',
    lawEnforcementAuthority: 'tijelo za izvršavanje zakonodavstva',
  },
  // Magyar
  hu: {
    jointDeclaration: 'közös nyilatkozat',
    commitment: 'kötelezettségvállalás',
    signatory: 'aláíró',
    countersignature: 'ellenjegyzés',
    electronicSeal: 'elektronikus bélyegző',
    oneTimeCode: 'egyszer használatos kód',
    customsAuthority: 'vámhatóság',
    portAuthority: 'kikötői hatóság',
    lawEnforcementAuthority: 'bűnüldöző hatóság',
  },
  // Italiano
  it: {
    jointDeclaration: 'dichiarazione congiunta',
    commitment: 'impegno',
    signatory: 'firmatario',
    countersignature: 'controfirma',
    electronicSeal: 'sigillo elettronico',
    oneTimeCode: 'codice monouso',
    customsAuthority: 'autorità doganale',
    portAuthority: 'autorità portuale',
    lawEnforcementAuthority: 'autorità di contrasto',
  },
  // Lietuvių
  lt: {
    jointDeclaration: 'bendra deklaracija',
    commitment: 'įsipareigojimas',
    signatory: 'signataras',
    countersignature: 'kontrasignacija',
    electronicSeal: 'elektroninis spaudas',
    oneTimeCode: 'vienkartinis kodas',
    customsAuthority: 'muitinė',
    portAuthority: 'uosto administracija',
    lawEnforcementAuthority: 'teisėsaugos institucija',
  },
  // Latviešu
  lv: {
    jointDeclaration: 'kopīgā deklarācija',
    commitment: 'apņemšanās',
    signatory: 'parakstītājs',
    countersignature: 'līdzparaksts',
    electronicSeal: 'elektroniskais zīmogs',
    oneTimeCode: 'vienreizējs kods',
    customsAuthority: 'muitas dienests',
    portAuthority: 'ostas pārvalde',
    lawEnforcementAuthority: 'tiesībaizsardzības iestāde',
  },
  // Malti
  mt: {
    jointDeclaration: 'dikjarazzjoni konġunta',
    commitment: 'impenn',
    signatory: 'firmatarju',
    countersignature: 'kontrafirma',
    electronicSeal: 'siġill elettroniku',
    oneTimeCode: 'kodiċi għal darba waħda',
    customsAuthority: 'awtorità doganali',
    portAuthority: 'awtorità portwali',
    lawEnforcementAuthority: 'awtorità tal-infurzar tal-liġi',
  },
  // Nederlands
  nl: {
    jointDeclaration: 'gezamenlijke verklaring',
    commitment: 'verbintenis',
    signatory: 'ondertekenaar',
    countersignature: 'medeondertekening',
    electronicSeal: 'elektronisch zegel',
    oneTimeCode: 'eenmalige code',
    customsAuthority: 'douaneautoriteit',
    portAuthority: 'havenautoriteit',
    lawEnforcementAuthority: 'rechtshandhavingsautoriteit',
  },
  // Polski
  pl: {
    jointDeclaration: 'wspólna deklaracja',
    commitment: 'zobowiązanie',
    signatory: 'sygnatariusz',
    countersignature: 'kontrasygnata',
    electronicSeal: 'pieczęć elektroniczna',
    oneTimeCode: 'kod jednorazowy',
    customsAuthority: 'organ celny',
    portAuthority: 'zarząd portu',
    lawEnforcementAuthority: 'organ ścigania',
  },
  // Português
  pt: {
    jointDeclaration: 'declaração conjunta',
    commitment: 'compromisso',
    signatory: 'signatário',
    countersignature: 'contra-assinatura',
    electronicSeal: 'selo eletrónico',
    oneTimeCode: 'código de utilização única',
    customsAuthority: 'autoridade aduaneira',
    portAuthority: 'autoridade portuária',
    lawEnforcementAuthority: 'autoridade de aplicação da lei',
  },
  // Română
  ro: {
    jointDeclaration: 'declarație comună',
    commitment: 'angajament',
    signatory: 'semnatar',
    countersignature: 'contrasemnătură',
    electronicSeal: 'sigiliu electronic',
    oneTimeCode: 'cod de unică folosință',
    customsAuthority: 'autoritate vamală',
    portAuthority: 'autoritate portuară',
    lawEnforcementAuthority: 'autoritate de aplicare a legii',
  },
  // Slovenčina
  sk: {
    jointDeclaration: 'spoločné vyhlásenie',
    commitment: 'záväzok',
    signatory: 'signatár',
    countersignature: 'kontrasignácia',
    electronicSeal: 'elektronická pečať',
    oneTimeCode: 'jednorazový kód',
    customsAuthority: 'colný orgán',
    portAuthority: 'prístavný orgán',
    lawEnforcementAuthority: 'orgán presadzovania práva',
  },
  // Slovenščina
  sl: {
    jointDeclaration: 'skupna izjava',
    commitment: 'zaveza',
    signatory: 'podpisnik',
    countersignature: 'sopodpis',
    electronicSeal: 'elektronski žig',
    oneTimeCode: 'enkratna koda',
    customsAuthority: 'carinski organ',
    portAuthority: 'pristaniška uprava',
    lawEnforcementAuthority: 'organ kazenskega pregona',
  },
  // Svenska
  sv: {
    jointDeclaration: 'gemensam förklaring',
    commitment: 'åtagande',
    signatory: 'undertecknare',
    countersignature: 'kontrasignering',
    electronicSeal: 'elektronisk stämpel',
    oneTimeCode: 'engångskod',
    customsAuthority: 'tullmyndighet',
    portAuthority: 'hamnmyndighet',
    lawEnforcementAuthority: 'brottsbekämpande myndighet',
  },
};
