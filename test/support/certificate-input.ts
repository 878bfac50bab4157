/** One certificate's input for each sample signatory in the EU's languages, shared by the tests that render certificates. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { CertificateInput } from '../../functions/pdf/certificate';

export interface Signatory {
  language: string;
  country: string;
  category: string;
  organisation: string;
  contact: string;
  function: string;
  email: string;
}

export const { signatories } = JSON.parse(readFileSync(new URL('../fixtures/eu-signatories.json', import.meta.url), 'utf8')) as { signatories: Signatory[] };

export const DECLARATION_TEXT = [
  'The signatories commit to strengthening the resilience of European ports against organised crime.',
  'They will share information on threats and protect port workers from intimidation and corruption.',
].join('\n\n');

export function declaration(text: string): CertificateInput['declaration'] {
  return {
    id: 'epa-joint-declaration',
    title: 'Joint Declaration of the European Ports Alliance',
    version: '1.0',
    language: 'en',
    text,
    textSha256: createHash('sha256').update(text, 'utf8').digest('hex'),
  };
}

export function certificateFor(signatory: Signatory, overrides: Partial<CertificateInput> = {}): CertificateInput {
  return {
    documentId: 'cmt_01JDTESTCERTIFICATE0000000',
    declaration: declaration(DECLARATION_TEXT),
    category: { id: signatory.category, label: signatory.category.replace('_', ' ') },
    commitments: [
      { id: 'contact-point', text: 'Appoint a single point of contact for port security.', required: true, accepted: true },
      { id: 'joint-exercise', text: 'Take part in the annual joint exercise.', required: false, accepted: false },
    ],
    organisation: { name: signatory.organisation, country: signatory.country },
    signer: { name: signatory.contact, title: signatory.function, email: signatory.email, signedAt: '2026-11-26T12:00:00Z' },
    countersignature: { name: 'Maria Example', title: 'Director-General for Migration and Home Affairs', countersignedAt: '2026-11-27T10:30:00+01:00' },
    verificationUrl: 'https://sign.ports-alliance.example/verify/cmt_01JDTESTCERTIFICATE0000000',
    ...overrides,
  };
}

const SEAL_TEXT = 'The signatories commit to strengthening the resilience of European ports against organised crime.';

/** A short certificate for the tests of the seal itself (a Maltese customs authority, unless overridden). */
export function sealTestInput(overrides: Partial<CertificateInput> = {}): CertificateInput {
  return {
    documentId: 'cmt_01jdpadesseal00000000000',
    declaration: { id: 'dcl_1', title: 'Joint Declaration of the European Ports Alliance', version: '1.0', language: 'en', text: SEAL_TEXT, textSha256: createHash('sha256').update(SEAL_TEXT).digest('hex') },
    category: { id: 'customs', label: 'Customs authority' },
    commitments: [{ id: 'contact-point', text: 'Appoint a single point of contact.', required: true, accepted: true }],
    organisation: { name: 'Dipartiment tad-Dwana', country: 'MT' },
    signer: { name: 'Ġorġ Ħabib Żammit', title: 'Kap tat-Taqsima', email: 'gorg@dwana.mt.example', signedAt: '2026-11-26T12:00:00Z' },
    countersignature: { name: 'Maria Example', title: 'Director-General', countersignedAt: '2026-11-27T09:30:00Z' },
    verificationUrl: 'https://signing.example.eu/verify/cmt_01jdpadesseal00000000000',
    ...overrides,
  };
}
