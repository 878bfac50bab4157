import type { SampleText } from './sample-text';

export const hu: SampleText = {
  title: 'Európai Kikötői Szövetség: közös nyilatkozat a kábítószer-kereskedelem és az uniós kikötőkbe való bűnözői beszivárgás ellen',
  paragraphs: [
    'Mi, alulírott bűnüldöző hatóságok, vámhatóságok, kikötői hatóságok, magánszektorbeli kikötőüzemeltetők és uniós ügynökségek, az Európai Bizottsággal együtt,',
    '',
    'elismerve, hogy a bűnözői hálózatok kábítószer-kereskedelemre használják ki az uniós kikötőket, és hogy az EU-ban lefoglalt kokain mennyisége évente meghaladja a 300 tonnát,',
    '',
    'kötelezettséget vállalunk arra, hogy közösen lépünk fel a szervezett bűnözés ellen: feltárjuk kikötőink sebezhető pontjait, megosztjuk a bevált gyakorlatokat, alkalmazzuk az uniós és nemzetközi biztonsági előírásokat, és ellenállunk a megfélemlítésnek, a korrupciónak és a bűnözői beszivárgásnak.',
  ],
  commitments: {
    'share-intelligence': 'A kikötőkön keresztül folytatott kereskedelemre vonatkozó bűnügyi hírszerzési információk megosztása a partnerügynökségekkel és az Europollal.',
    'joint-operations': 'Részvétel közös műveletekben az uniós kikötőkben.',
    'risk-analysis': 'Közös kockázatelemzés alkalmazása a magas kockázatú származási helyekről érkező konténerekre.',
    'scanning': 'Konténerátvilágítási kapacitás kiépítése az uniós előírásoknak megfelelően.',
    'access-control': 'Beléptetési ellenőrzés és háttérellenőrzés alkalmazása a kikötői munkavállalókra.',
    'vulnerability-assessment': 'A kikötő bűnözői beszivárgással szembeni sebezhetőségének évenkénti értékelése.',
    'screen-staff': 'Az érzékeny munkakörökben dolgozók átvilágítása és megvédése a megfélemlítéssel szemben.',
    'report-incidents': 'A gyanús események haladéktalan bejelentése az illetékes hatóságoknak.',
    'secure-data': 'A konténerek kiadására vonatkozó adatok (PIN-kódok) védelme a visszaélésekkel szemben.',
    'support-members': 'A Szövetség tagjainak támogatása elemzéssel, koordinációval és képzéssel.',
  },
};
