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
  // Deutsch
  de: {
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
  // Ελληνικά
  el: {
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
  // Gaeilge
  ga: {
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
  // Nederlands
  nl: {
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
  // Română
  ro: {
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
};
