import type { SampleText } from './sample-text';

export const ro: SampleText = {
  title: 'Alianța Europeană a Porturilor: Declarație comună împotriva traficului de droguri și a infiltrării infracționale în porturile UE',
  paragraphs: [
    'Noi, autoritățile de aplicare a legii, autoritățile vamale, autoritățile portuare, operatorii portuari privați și agențiile UE semnatare, împreună cu Comisia Europeană,',
    '',
    'recunoscând că rețelele infracționale exploatează porturile UE pentru traficul de droguri și că capturile de cocaină din UE depășesc 300 de tone pe an,',
    '',
    'ne angajăm să acționăm împreună împotriva criminalității organizate: să identificăm vulnerabilitățile porturilor noastre, să facem schimb de bune practici, să aplicăm standardele de securitate ale UE și internaționale și să rezistăm intimidării, corupției și infiltrării infracționale.',
  ],
  commitments: {
    'share-intelligence': 'Să facem schimb de informații operative privind traficul legat de porturi cu agențiile partenere și cu Europol.',
    'joint-operations': 'Să participăm la operațiuni comune în porturile UE.',
    'risk-analysis': 'Să aplicăm o analiză comună a riscurilor containerelor care sosesc din zone de origine cu risc ridicat.',
    'scanning': 'Să instalăm capacități de scanare a containerelor în conformitate cu standardele UE.',
    'access-control': 'Să asigurăm controlul accesului și verificarea antecedentelor lucrătorilor portuari.',
    'vulnerability-assessment': 'Să evaluăm în fiecare an vulnerabilitățile portului la infiltrarea infracțională.',
    'screen-staff': 'Să verificăm personalul din posturile sensibile și să îl protejăm împotriva intimidării.',
    'report-incidents': 'Să raportăm fără întârziere incidentele suspecte autorităților competente.',
    'secure-data': 'Să protejăm datele de eliberare a containerelor (coduri PIN) împotriva utilizării abuzive.',
    'support-members': 'Să sprijinim membrii Alianței prin analiză, coordonare și formare.',
  },
};
