import { describe, expect, it } from 'vitest';
import type { Commitment, Signature } from '../../functions/domain/commitment';
import { buildDeclaration, createDeclarationSchema, missingForOpening, placeInDeclaration, type Declaration } from '../../functions/domain/declaration';
import { DomainError } from '../../functions/domain/errors';
import { sha256Hex } from '../../functions/domain/hashing';
import { verifySignature } from '../../functions/domain/verification';
import { versionSha256, versionShown } from '../../functions/domain/version-shown';
import { validate } from '../../functions/shared/http';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import { SAMPLE_TEXTS } from '../../tools/campaign/sample-texts';
import { campaignSignatories } from '../../tools/campaign/demo-signatories';
import { OPERATOR_LANGUAGES } from '../../functions/domain/languages';

const build = (input: unknown) => buildDeclaration(createDeclarationSchema.parse(input), 'dcl_test', 'admin', new Date('2026-11-26T12:00:00Z'));
const declaration = build({ ...sampleDeclaration(), oneTimeCode: false });

const commitment: Commitment = {
  id: 'cmt_test',
  declarationId: declaration.id,
  organisation: { name: 'Direction générale des douanes', category: 'customs', country: 'FR', email: 'agent@douane.fr.example', contactName: 'Agent', emailDomains: ['douane.fr.example'] },
  language: 'fr',
  state: 'SIGNED',
  invitedAt: '2026-11-26T12:00:00Z',
  updatedAt: '2026-11-26T12:00:00Z',
  invitedBy: 'admin',
};

function signatureOn(shown: { textSha256: string }, extra: Partial<Signature> = {}): Signature {
  return { signerName: 'Agent', signerTitle: 'Directeur', acceptedCommitmentIds: ['risk-analysis', 'scanning'], language: 'fr', textSha256: shown.textSha256, signedAt: '2026-11-26T12:05:00Z', ...extra };
}

function refusalDetails(input: unknown): readonly string[] {
  try {
    validate(createDeclarationSchema, input, placeInDeclaration);
  } catch (error) {
    if (error instanceof DomainError) return error.details;
    throw error;
  }
  throw new Error('the input was accepted');
}

const textHash = (content: Declaration, signature: Signature) => verifySignature(commitment, signature, content).checks.find((check) => check.check === 'text-hash')!;

describe('a language version of the declaration', () => {
  it('shows the declaration and the category\'s commitments in one language', () => {
    const french = versionShown(declaration, 'fr', 'customs');
    expect(french.language).toBe('fr');
    expect(french.text).toBe(SAMPLE_TEXTS.fr.paragraphs.join('\n'));
    expect(french.clauses).toEqual([
      { id: 'risk-analysis', text: SAMPLE_TEXTS.fr.commitments['risk-analysis'], required: true },
      { id: 'scanning', text: SAMPLE_TEXTS.fr.commitments.scanning, required: true },
    ]);
    expect(versionShown(declaration, 'en', 'customs').clauses.map((clause) => clause.text)).toEqual([SAMPLE_TEXTS.en.commitments['risk-analysis'], SAMPLE_TEXTS.en.commitments.scanning]);
  });

  it('has a hash that covers the text and the commitments shown, and only those', () => {
    const french = versionShown(declaration, 'fr', 'customs');
    expect(french.sha256).toBe(sha256Hex(JSON.stringify({ text: french.text, commitments: french.clauses })));
    expect(french.textSha256).toBe(declaration.texts.fr!.sha256);

    const input = sampleDeclaration();
    const reworded = build({
      ...input,
      commitments: { ...input.commitments, customs: input.commitments.customs.map((clause, index) => (index === 0 ? { ...clause, texts: { ...clause.texts, fr: 'Un autre engagement.' } } : clause)) },
    });
    expect(versionShown(reworded, 'fr', 'customs').sha256).not.toBe(french.sha256);
    expect(versionShown(reworded, 'fr', 'customs').textSha256).toBe(french.textSha256);
    expect(versionShown(reworded, 'en', 'customs').sha256).toBe(versionShown(declaration, 'en', 'customs').sha256);
    expect(versionShown(reworded, 'fr', 'port_authority').sha256).toBe(versionShown(declaration, 'fr', 'port_authority').sha256);
  });

  it('shows a declaration stored before commitments were translated with its one commitment text in every version', () => {
    const legacy: Declaration = { ...declaration, commitments: { ...declaration.commitments, customs: [{ id: 'risk-analysis', text: 'Apply common risk analysis.', required: true }] } };
    expect(versionShown(legacy, 'fr', 'customs').clauses).toEqual([{ id: 'risk-analysis', text: 'Apply common risk analysis.', required: true }]);
    expect(versionShown(legacy, 'fr', 'customs').sha256).toBe(versionSha256(legacy.texts.fr!.text, [{ id: 'risk-analysis', text: 'Apply common risk analysis.', required: true }]));
  });
});

describe('the text-hash check', () => {
  it('passes a signature whose hash covers the version shown', () => {
    const check = textHash(declaration, signatureOn({ textSha256: versionShown(declaration, 'fr', 'customs').sha256 }, { hashCovers: 'text-and-commitments' }));
    expect(check).toMatchObject({ passed: true });
    expect(check.detail).toMatch(/text and the commitments/);
  });

  it('fails such a signature when the hash is of the text alone or of another version', () => {
    expect(textHash(declaration, signatureOn({ textSha256: declaration.texts.fr!.sha256 }, { hashCovers: 'text-and-commitments' })).passed).toBe(false);
    expect(textHash(declaration, signatureOn({ textSha256: versionShown(declaration, 'en', 'customs').sha256 }, { hashCovers: 'text-and-commitments' })).passed).toBe(false);
    expect(textHash(declaration, signatureOn({ textSha256: versionShown(declaration, 'fr', 'port_authority').sha256 }, { hashCovers: 'text-and-commitments' })).passed).toBe(false);
  });

  it('still passes a signature recorded when the hash covered the text alone', () => {
    expect(textHash(declaration, signatureOn({ textSha256: declaration.texts.fr!.sha256 }))).toMatchObject({ passed: true });
    expect(textHash(declaration, signatureOn({ textSha256: versionShown(declaration, 'fr', 'customs').sha256 })).passed).toBe(false);
  });
});

describe('opening a declaration', () => {
  it('is refused while a language version lacks a commitment\'s text, naming the language and the commitment', () => {
    const input = sampleDeclaration({ languages: ['en', 'fr', 'mt'] });
    const [first, second] = input.commitments.customs;
    const { mt: _maltese, ...withoutMaltese } = second!.texts!;
    const parsed = validate(createDeclarationSchema, { ...input, commitments: { ...input.commitments, customs: [first, { ...second, texts: withoutMaltese }] } }, placeInDeclaration);
    expect(missingForOpening(parsed)).toEqual([{ field: 'commitments.customs.1.texts.mt', message: 'Customs authority, commitment 2: the Maltese text is missing' }]);
  });

  it('is possible for every version of the sample declaration', () => {
    expect(missingForOpening(validate(createDeclarationSchema, sampleDeclaration(), placeInDeclaration))).toEqual([]);
  });
});

describe('a commitment\'s texts as written', () => {
  it('refuses a text in a language the declaration has no version of', () => {
    const input = sampleDeclaration({ languages: ['en', 'fr'] });
    const customs = input.commitments.customs.map((clause, index) => (index === 0 ? { ...clause, texts: { ...clause.texts, pl: 'Stosować wspólną analizę ryzyka.' } } : clause));
    expect(refusalDetails({ ...input, commitments: { ...input.commitments, customs } })).toEqual(['Customs authority, commitment 1, Polish text: the declaration has no Polish version (pl): add one, or remove this text']);
  });

  it('takes the default language\'s text from text or texts, and refuses two different ones', () => {
    const input = sampleDeclaration({ languages: ['en', 'fr'] });
    const moved = input.commitments.customs.map((clause) => ({ ...clause, text: '', texts: { ...clause.texts, en: clause.text } }));
    expect(build({ ...input, commitments: { ...input.commitments, customs: moved } }).commitments.customs.map((clause) => clause.text)).toEqual(input.commitments.customs.map((clause) => clause.text));
    const clashing = input.commitments.customs.map((clause) => ({ ...clause, texts: { ...clause.texts, en: 'Something else.' } }));
    expect(refusalDetails({ ...input, commitments: { ...input.commitments, customs: clashing } })).toEqual([
      'Customs authority, commitment 1, English text: two different English texts are given (text and texts.en): give it once',
      'Customs authority, commitment 2, English text: two different English texts are given (text and texts.en): give it once',
    ]);
  });
});

describe('the demo campaign', () => {
  it('invites each of 30 sample signatories in its own language, every one a version of the sample declaration', () => {
    const invited = campaignSignatories(30, 'demo');
    expect(invited.every(({ invitation, signatory }) => invitation.language === signatory.language)).toBe(true);
    expect(new Set(invited.map(({ invitation }) => invitation.language))).toEqual(new Set(OPERATOR_LANGUAGES));
    const versions = Object.keys(sampleDeclaration().texts);
    expect(invited.filter(({ invitation }) => !versions.includes(invitation.language))).toEqual([]);
  });
});
