import type { SampleText } from './sample-text';

export const en: SampleText = {
  title: 'European Ports Alliance: Joint Declaration against drug trafficking and criminal infiltration in EU ports',
  paragraphs: [
    'We, the undersigned law-enforcement agencies, customs authorities, port authorities, private port operators and EU agencies, together with the European Commission,',
    '',
    'recognising that criminal networks exploit EU ports to traffic drugs, and that cocaine seizures in the EU exceed 300 tonnes a year,',
    '',
    'commit to act together against organised crime: to identify the vulnerabilities of our ports, to share best practice, to apply EU and international security standards, and to resist intimidation, corruption and criminal infiltration.',
  ],
  commitments: {
    'share-intelligence': 'Share criminal intelligence on port-related trafficking with partner agencies and Europol.',
    'joint-operations': 'Take part in joint operations in EU ports.',
    'risk-analysis': 'Apply common risk analysis to containers arriving from high-risk origins.',
    'scanning': 'Deploy container scanning capacity in line with EU standards.',
    'access-control': 'Enforce access control and background checks for port workers.',
    'vulnerability-assessment': 'Assess the port’s vulnerabilities to criminal infiltration every year.',
    'screen-staff': 'Screen staff in sensitive positions and protect them from intimidation.',
    'report-incidents': 'Report suspicious incidents to the competent authorities without delay.',
    'secure-data': 'Secure container release data (PIN codes) against misuse.',
    'support-members': 'Support the Alliance’s members with analysis, coordination and training.',
  },
};
