import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../functions/domain/categories';
import { invitationSchema, outcomeOf, type Commitment } from '../../functions/domain/commitment';
import { FLAGGED_ERROR, waitAnswer } from '../../functions/workflow/contract';
import { buildDeclaration, createDeclarationSchema, textFor } from '../../functions/domain/declaration';
import { commitmentIdNamedBy, hashLinkSecret, LINK_SECRET_PATTERN, newLinkSecret, sha256Hex } from '../../functions/domain/hashing';
import { ID_PATTERN, newId, orderedIds } from '../../functions/domain/ids';
import { verifySignature } from '../../functions/domain/verification';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import { campaignSignatories } from '../../tools/campaign/demo-signatories';

// Without one-time codes: these tests are about the other checks (test/unit/signing.test.ts covers the code's).
const declaration = buildDeclaration(createDeclarationSchema.parse({ ...sampleDeclaration(), oneTimeCode: false }), 'dcl_test', 'admin', new Date('2026-11-26T12:00:00Z'));

function signedCommitment(overrides: Partial<Commitment['organisation']> = {}): Commitment {
  return {
    id: 'cmt_test',
    declarationId: declaration.id,
    organisation: { name: 'Tulli', category: 'customs', country: 'FI', email: 'paivi@tulli.fi.example', contactName: 'Päivi Äijälä', emailDomains: ['tulli.fi.example'], ...overrides },
    language: 'en',
    state: 'SIGNED',
    invitedAt: '2026-11-26T12:00:00Z',
    updatedAt: '2026-11-26T12:00:00Z',
    invitedBy: 'admin',
  };
}

const signature = { signerName: 'Päivi Äijälä', signerTitle: 'Director', acceptedCommitmentIds: ['risk-analysis', 'scanning'], language: 'en', textSha256: declaration.texts.en!.sha256, signedAt: '2026-11-26T12:05:00Z' };

describe('a declaration', () => {
  it('stores the SHA-256 of each language version exactly as shown', () => {
    expect(declaration.texts.en!.sha256).toBe(sha256Hex(declaration.texts.en!.text));
    expect(declaration.texts.fr!.sha256).not.toBe(declaration.texts.en!.sha256);
  });

  it('needs the commitments of all five categories, and names the missing one', () => {
    const input = sampleDeclaration();
    const { customs: _customs, ...commitments } = input.commitments;
    const result = createDeclarationSchema.safeParse({ ...input, commitments });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain('commitments.customs');
  });

  it('refuses control characters in a title and a default language without text', () => {
    const input = sampleDeclaration();
    expect(createDeclarationSchema.safeParse({ ...input, texts: { en: { title: 'Bad\u0007title', text: 'x' } } }).success).toBe(false);
    expect(createDeclarationSchema.safeParse({ ...sampleDeclaration({ languages: ['en', 'fr'] }), defaultLanguage: 'de' }).success).toBe(false);
  });

  it('falls back to the default language when the invitation language has no text', () => {
    const bilingual = buildDeclaration(createDeclarationSchema.parse(sampleDeclaration({ languages: ['en', 'fr'] })), 'dcl_test', 'admin', new Date('2026-11-26T12:00:00Z'));
    expect(textFor(bilingual, 'el').language).toBe('en');
    expect(textFor(bilingual, 'fr').language).toBe('fr');
  });
});

describe('an invitation', () => {
  it('normalises the address and country, and keeps names in every script exactly (NFC)', () => {
    const parsed = invitationSchema.parse({
      organisation: { name: ' Агенция „Митници“ ', category: 'customs', country: 'bg', email: ' Ivan.Petrov@Customs.BG.example ', contactName: 'Ştefan Ţăranu'.normalize('NFD') },
    });
    expect(parsed.organisation.email).toBe('ivan.petrov@customs.bg.example');
    expect(parsed.organisation.country).toBe('BG');
    expect(parsed.organisation.name).toBe('Агенция „Митници“');
    expect(parsed.organisation.contactName).toBe('Ştefan Ţăranu'.normalize('NFC'));
    expect(parsed.language).toBe('en');
  });

  it('refuses an unknown category, a bad address and unknown fields', () => {
    const base = { organisation: { name: 'X', category: 'customs', country: 'BE', email: 'a@b.example', contactName: 'Y' } };
    expect(invitationSchema.safeParse({ ...base, organisation: { ...base.organisation, category: 'navy' } }).success).toBe(false);
    expect(invitationSchema.safeParse({ ...base, organisation: { ...base.organisation, email: 'nobody' } }).success).toBe(false);
    expect(invitationSchema.safeParse({ ...base, admin: true }).success).toBe(false);
  });
});

describe('automatic verification', () => {
  it('verifies a signature that passes every check', () => {
    expect(verifySignature(signedCommitment(), signature, declaration).outcome).toBe('VERIFIED');
  });

  it('flags a text the signer saw that differs from the issued one', () => {
    const result = verifySignature(signedCommitment(), { ...signature, textSha256: '0'.repeat(64) }, declaration);
    expect(result.outcome).toBe('NEEDS_REVIEW');
    expect(result.checks.find((check) => !check.passed)?.check).toBe('text-hash');
  });

  it('flags a missing required commitment, naming it', () => {
    const result = verifySignature(signedCommitment(), { ...signature, acceptedCommitmentIds: ['risk-analysis'] }, declaration);
    expect(result.checks.find((check) => check.check === 'required-commitments')?.detail).toContain('scanning');
  });

  it('accepts subdomains of a registered domain and flags other domains or none registered', () => {
    expect(verifySignature(signedCommitment({ email: 'a@port.tulli.fi.example' }), signature, declaration).outcome).toBe('VERIFIED');
    expect(verifySignature(signedCommitment({ email: 'a@eviltulli.fi.example' }), signature, declaration).outcome).toBe('NEEDS_REVIEW');
    expect(verifySignature(signedCommitment({ emailDomains: [] }), signature, declaration).outcome).toBe('NEEDS_REVIEW');
  });
});

describe('what a wait resolves to, read from the record', () => {
  it('is still waiting only in the waiting state of its stage', () => {
    expect(outcomeOf('signature', 'INVITED')).toBeUndefined();
    expect(outcomeOf('review', 'IN_REVIEW')).toBeUndefined();
    expect(outcomeOf('countersignature', 'VERIFIED')).toBeUndefined();
  });

  it('never loses a signature that raced the timeout', () => {
    expect(outcomeOf('signature', 'SIGNED')).toBe('SIGNED');
    expect(outcomeOf('signature', 'IN_REVIEW')).toBe('SIGNED');
    expect(outcomeOf('signature', 'DECLINED')).toBe('DECLINED');
    expect(outcomeOf('review', 'VERIFIED')).toBe('APPROVED');
    expect(outcomeOf('review', 'REJECTED')).toBe('REJECTED');
    expect(outcomeOf('countersignature', 'COUNTERSIGNED')).toBe('COUNTERSIGNED');
  });

  it('sends a signature that the countersignature wait\'s checks flagged to review, not on to the seal', () => {
    expect(outcomeOf('countersignature', 'IN_REVIEW')).toBe('FLAGGED');
    // Rejected while the flagged answer was on its way: the review wait finds the rejection.
    expect(outcomeOf('countersignature', 'REJECTED')).toBe('FLAGGED');
    expect(outcomeOf('review', 'REJECTED')).toBe('REJECTED');
    // Not checked yet: the review wait sends it back to the countersignature wait, whose task checks it.
    expect(outcomeOf('countersignature', 'SIGNED')).toBe('FLAGGED');
    expect(outcomeOf('review', 'SIGNED')).toBe('APPROVED');
    expect(waitAnswer('FLAGGED')).toEqual({ error: FLAGGED_ERROR, cause: 'The automatic checks flagged the signature for review.' });
  });

  it('ends on revocation and expiry whatever the stage', () => {
    for (const stage of ['signature', 'review', 'countersignature'] as const) {
      expect(outcomeOf(stage, 'REVOKED')).toBe('REVOKED');
      expect(outcomeOf(stage, 'EXPIRED')).toBe('EXPIRED');
    }
  });
});

describe('ids and secrets', () => {
  it('makes time-ordered ids that fit an execution name', () => {
    const first = newId('cmt', 1_700_000_000_000);
    const second = newId('cmt', 1_700_000_000_001);
    expect(first).toMatch(ID_PATTERN);
    expect(first < second).toBe(true);
    expect(first.length).toBeLessThanOrEqual(80);
  });

  it('draws ids of one instant in ascending order when the order of records written together must show', () => {
    for (let draw = 0; draw < 200; draw++) {
      const ids = orderedIds('evt', 3, 1_700_000_000_000);
      expect(ids).toHaveLength(3);
      expect(new Set(ids).size).toBe(3);
      for (const id of ids) expect(id).toMatch(ID_PATTERN);
      expect(ids[0]! < ids[1]! && ids[1]! < ids[2]!).toBe(true);
    }
  });

  it('makes 256-bit link secrets that never repeat, name their commitment, and are stored only as a hash', () => {
    const commitmentId = newId('cmt');
    const secrets = new Set(Array.from({ length: 1000 }, () => newLinkSecret(commitmentId)));
    expect(secrets.size).toBe(1000);
    const [secret] = secrets;
    expect(secret).toMatch(LINK_SECRET_PATTERN);
    expect(commitmentIdNamedBy(secret!)).toBe(commitmentId);
    expect(Buffer.from(secret!.slice(commitmentId.length + 1), 'base64url')).toHaveLength(32);
    // Links emailed before secrets named their commitment still have the right shape.
    expect('A'.repeat(43)).toMatch(LINK_SECRET_PATTERN);
    expect(commitmentIdNamedBy('A'.repeat(43))).toBeUndefined();
    expect(`${commitmentId}.${'A'.repeat(44)}`).not.toMatch(LINK_SECRET_PATTERN);
    expect(hashLinkSecret(secret!)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashLinkSecret(secret!)).not.toContain(secret!);
  });
});

describe('the demo campaign', () => {
  it('covers every category and Greek, Bulgarian, Polish, French and German names with 8 signatories', () => {
    const people = campaignSignatories(8, 'run');
    expect(new Set(people.map((person) => person.invitation.organisation.category))).toEqual(new Set(CATEGORIES));
    for (const language of ['el', 'bg', 'pl', 'fr', 'de']) expect(people.some((person) => person.signatory.language === language)).toBe(true);
    expect(new Set(people.map((person) => person.invitation.organisation.email)).size).toBe(8);
  });
});
