/** The certificates the PDF and export benchmarks seal: the sample declaration, signed by the EU sample signatories in turn. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { CertificateInput } from '../../functions/pdf/certificate';
import { sampleDeclaration } from '../campaign/sample-declaration';

export interface Fixture { country: string; category: string; organisation: string; contact: string; function: string; email: string }

export const { signatories: fixtures } = JSON.parse(readFileSync(new URL('../../test/fixtures/eu-signatories.json', import.meta.url), 'utf8')) as { signatories: Fixture[] };

const sample = sampleDeclaration();
export const text = sample.texts[sample.defaultLanguage ?? 'en']!.text;
export const textSha256 = createHash('sha256').update(text).digest('hex');

/** A countersigned certificate of `fixture`'s organisation, with four commitments and a short audit summary. */
export function benchCertificateInput(fixture: Fixture, documentId: string): CertificateInput {
  return {
    documentId,
    declaration: { id: 'dcl_bench', title: 'Joint Declaration of the European Ports Alliance', version: '1.0', language: 'en', text, textSha256 },
    category: { id: fixture.category, label: fixture.category },
    commitments: [1, 2, 3, 4].map((n) => ({ id: `c-${n}`, text: `Commitment ${n}: act together against organised crime in ports.`, required: n < 4, accepted: true })),
    organisation: { name: fixture.organisation, country: fixture.country },
    signer: { name: fixture.contact, title: fixture.function, email: fixture.email, signedAt: '2026-11-26T12:00:00Z' },
    countersignature: { name: 'Maria Example', title: 'Director-General', countersignedAt: '2026-11-27T09:30:00Z' },
    verificationUrl: `https://signing.ports-alliance.example.eu/verify/${documentId}`,
    audit: { events: ['INVITED', 'INVITATION_SENT', 'SIGNED', 'VERIFIED', 'COUNTERSIGNED'].map((type, n) => ({ at: `2026-11-2${n}T10:00:00Z`, type, actor: 'workflow' })), checks: [{ check: 'text-hash', passed: true, detail: 'The signer saw the declaration text exactly as issued.' }] },
  };
}
