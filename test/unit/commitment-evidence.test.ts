import { describe, expect, it, vi } from 'vitest';
import type { Commitment, Signature, VerificationCheck } from '../../functions/domain/commitment';
import { commitmentWithEvidence, signatureWithEvidence, verificationChecks, type EvidenceEvent } from '../../functions/domain/commitment-evidence';
import { consentStatement } from '../../functions/domain/consent';
import { publicationStatement } from '../../functions/domain/publication';
import { recordedVerification } from '../../functions/domain/verification';
import { buildDeclaration, createDeclarationSchema } from '../../functions/domain/declaration';
import { certificateInput } from '../../functions/operations/seal-certificate';
import type { AuditEvent } from '../../functions/store/audit';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';

const signedAt = '2027-02-01T10:00:00.000Z';
const verifiedAt = '2027-02-01T10:00:01.000Z';
const consent = consentStatement('el');
const publication = publicationStatement('el');
const passed: VerificationCheck[] = [
  { check: 'text-hash', passed: true, detail: 'The signer saw the declaration text and the commitments exactly as issued in this language (el).' },
  { check: 'one-time-code', passed: true, detail: 'The signer confirmed the 6-digit code emailed to the invited address.' },
];

/** A signature as recorded now: the statements' hashes, no texts, no client address. */
const recordedSignature: Signature = {
  signerName: 'Αθανάσιος Παπαδόπουλος',
  signerTitle: 'Διευθυντής',
  acceptedCommitmentIds: ['risk-analysis'],
  language: 'el',
  textSha256: 'a'.repeat(64),
  hashCovers: 'text-and-commitments',
  signedAt,
  consent: { sha256: consent.sha256, language: 'el' },
  publication: { sha256: publication.sha256, language: 'el' },
};

/** The SIGNED event that the signature's transaction wrote at the same instant. */
const signedEvent: EvidenceEvent = {
  type: 'SIGNED',
  at: signedAt,
  detail: {
    language: 'el',
    textSha256: 'a'.repeat(64),
    clientAddressHash: 'c'.repeat(64),
    consent: { text: consent.text, sha256: consent.sha256, language: 'el' },
    publication: { agreed: true, text: publication.text, sha256: publication.sha256, language: 'el' },
  },
};
const verifiedEvent: EvidenceEvent = { type: 'VERIFIED', at: verifiedAt, detail: { checks: passed } };

const commitment = (fields: Partial<Commitment>): Commitment =>
  ({
    id: 'cmt_1', declarationId: 'dcl_1', language: 'el', state: 'DELIVERED', invitedAt: signedAt, updatedAt: signedAt, invitedBy: 'admin-1',
    organisation: { name: 'Οργανισμός Λιμένος Πειραιώς', category: 'port_authority', country: 'GR', email: 'a@olp.example', contactName: 'Άννα', emailDomains: [] },
    ...fields,
  }) as Commitment;

describe('what a commitment keeps in the audit events of the steps that produced it', () => {
  it('records a verification whose checks all passed without them, and one that failed with them (the review needs them)', () => {
    expect(recordedVerification({ outcome: 'VERIFIED', checks: passed }, verifiedAt)).toEqual({ outcome: 'VERIFIED', verifiedAt });
    const failed = [...passed, { check: 'email-domain', passed: false, detail: 'No email domain is registered.' } as const];
    expect(recordedVerification({ outcome: 'NEEDS_REVIEW', checks: failed }, verifiedAt)).toEqual({ outcome: 'NEEDS_REVIEW', checks: failed, verifiedAt });
  });

  it('reads passed checks from the VERIFIED event of that verification, and checks on the record (older commitments, reviews) from the record', () => {
    const earlierRound: EvidenceEvent = { type: 'VERIFIED', at: '2027-01-01T00:00:00.000Z', detail: { checks: [{ check: 'text-hash', passed: true, detail: 'an earlier round' }] } };
    expect(verificationChecks({ outcome: 'VERIFIED', verifiedAt }, [earlierRound, signedEvent, verifiedEvent])).toEqual(passed);
    const onRecord = [{ check: 'text-hash', passed: true, detail: 'recorded on the commitment' }] as const;
    expect(verificationChecks({ outcome: 'VERIFIED', checks: onRecord, verifiedAt }, [verifiedEvent])).toEqual(onRecord);
    expect(verificationChecks(undefined, [verifiedEvent])).toEqual([]);
    expect(verificationChecks({ outcome: 'VERIFIED', verifiedAt }, [])).toEqual([]);
  });

  it('gives the signature back with the statements exactly as shown and the client address hash from its SIGNED event', () => {
    expect(signatureWithEvidence(recordedSignature, [verifiedEvent, signedEvent])).toEqual({
      ...recordedSignature,
      consent: { text: consent.text, sha256: consent.sha256, language: 'el' },
      publication: { text: publication.text, sha256: publication.sha256, language: 'el' },
      clientAddressHash: 'c'.repeat(64),
    });
  });

  it('takes no text whose hash is not the one the commitment recorded, nor an event of another signature', () => {
    const otherText: EvidenceEvent = { ...signedEvent, detail: { ...signedEvent.detail, consent: { text: 'another statement', sha256: 'f'.repeat(64), language: 'el' } } };
    expect(signatureWithEvidence(recordedSignature, [otherText]).consent).toEqual(recordedSignature.consent);
    expect(signatureWithEvidence(recordedSignature, [{ ...signedEvent, at: '2027-01-01T00:00:00.000Z' }])).toEqual(recordedSignature);
  });

  it('leaves a commitment recorded before unchanged: texts, client address and checks on the record', () => {
    const older = commitment({
      signature: { ...recordedSignature, consent: { text: consent.text, sha256: consent.sha256, language: 'el' }, publication: undefined, clientAddressHash: 'd'.repeat(64) },
      verification: { outcome: 'VERIFIED', checks: passed, verifiedAt },
    });
    // Its SIGNED event of then carried neither text.
    const olderEvent: EvidenceEvent = { type: 'SIGNED', at: signedAt, detail: { language: 'el', clientAddressHash: 'd'.repeat(64), publication: { agreed: false } } };
    expect(commitmentWithEvidence(older, [olderEvent])).toEqual(older);
  });

  it('gives a commitment recorded now back whole, as the API showed it before', () => {
    const recorded = commitment({ signature: recordedSignature, verification: { outcome: 'VERIFIED', verifiedAt } });
    const whole = commitmentWithEvidence(recorded, [signedEvent, verifiedEvent]);
    expect(whole.signature?.consent?.text).toBe(consent.text);
    expect(whole.signature?.publication?.text).toBe(publication.text);
    expect(whole.signature?.clientAddressHash).toBe('c'.repeat(64));
    expect(whole.verification).toEqual({ outcome: 'VERIFIED', checks: passed, verifiedAt });
  });
});

describe('the sealed certificate of a commitment signed in a later round', () => {
  it('names the client address of its own signature, not of an earlier round\'s', () => {
    vi.stubEnv('APP_URL', 'https://signing.example');
    const declaration = buildDeclaration(createDeclarationSchema.parse(sampleDeclaration()), 'dcl_1', 'admin-1', new Date(signedAt));
    const earlierSignedAt = '2027-01-10T09:00:00.000Z';
    const earlierRound: EvidenceEvent = { type: 'SIGNED', at: earlierSignedAt, detail: { ...signedEvent.detail, clientAddressHash: 'e'.repeat(64) } };
    const events = [earlierRound, { type: 'REVOKED', at: '2027-01-20T09:00:00.000Z' }, signedEvent, verifiedEvent].map((event, index) => ({ ...event, id: `evt_${index}`, declarationId: 'dcl_1', commitmentId: 'cmt_1', actor: 'operator' })) as AuditEvent[];
    const input = certificateInput(
      commitment({ signature: recordedSignature, verification: recordedVerification({ outcome: 'VERIFIED', checks: passed }, verifiedAt), countersignature: { by: 'admin-1', name: 'Admin', title: 'European Commission', countersignedAt: verifiedAt } }),
      declaration,
      events,
    );
    vi.unstubAllEnvs();
    expect(input.audit?.clientAddressHash).toBe('c'.repeat(64));
  });
});
