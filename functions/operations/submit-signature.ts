import { z } from 'zod';
import type { Signature } from '../domain/commitment';
import { textFor } from '../domain/declaration';
import { lineField, textField } from '../domain/text';
import { DomainError } from '../shared/errors';
import { validate } from '../shared/http';
import { logger } from '../shared/logger';
import { getCommitment, transition } from '../store/commitments';
import { linkStillValid } from '../store/links';
import { resumeWait } from '../workflow/client';
import { resolveSigningLink } from './signing-link';

const signSchema = z.object({
  action: z.literal('sign'),
  signerName: lineField('Your full name'),
  signerTitle: lineField('Your function'),
  accepted: z.array(z.string().max(40)).max(50),
  textSha256: z.string().regex(/^[0-9a-f]{64}$/, 'the page was incomplete; reload it and sign again'),
  language: z.string().regex(/^[a-z]{2}$/),
});

const declineSchema = z.object({
  action: z.literal('decline'),
  reason: textField('The reason for declining', 2_000),
});

export const signingFormSchema = z.discriminatedUnion('action', [signSchema, declineSchema], {
  error: 'choose Sign or Decline',
});
export type SigningForm = z.infer<typeof signingFormSchema>;

/** Reads the HTML form's fields into the shape the schema checks. */
export function formToSigningInput(fields: Map<string, string[]>): unknown {
  const one = (name: string) => fields.get(name)?.[0];
  return {
    action: one('action'),
    signerName: one('signerName'),
    signerTitle: one('signerTitle'),
    accepted: fields.get('accepted') ?? [],
    textSha256: one('textSha256'),
    language: one('language'),
    reason: one('reason'),
  };
}

export type SubmissionOutcome = { outcome: 'SIGNED' | 'DECLINED'; organisation: string; email: string };

/**
 * Signs or declines through the emailed link: one transaction moves the commitment out of
 * INVITED (while the link is still valid) with its audit event; only then is the workflow told.
 * Concurrent submissions race on that condition and exactly one wins.
 */
export async function submitSignature(secret: string, formInput: unknown, now = new Date()): Promise<SubmissionOutcome> {
  const open = await resolveSigningLink(secret, now);
  const form = validate(signingFormSchema, formInput);
  const { commitment, declaration } = open;
  let change;
  if (form.action === 'sign') {
    const clauses = declaration.commitments[commitment.organisation.category];
    const known = new Set(clauses.map((clause) => clause.id));
    const unknown = form.accepted.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new DomainError('INVALID_INPUT', 'The form named commitments this declaration does not have; reload the page.', unknown);
    const missing = clauses.filter((clause) => clause.required && !form.accepted.includes(clause.id));
    if (missing.length > 0) {
      throw new DomainError('INVALID_INPUT', 'Every required commitment must be accepted before signing.', missing.map((clause) => `accepted: "${clause.text.slice(0, 80)}" is required`));
    }
    const shown = textFor(declaration, form.language);
    if (shown.language !== form.language) throw new DomainError('INVALID_INPUT', 'The page was shown in a language this declaration does not have; reload it.');
    const signature: Signature = {
      signerName: form.signerName,
      signerTitle: form.signerTitle,
      acceptedCommitmentIds: [...new Set(form.accepted)],
      language: form.language,
      textSha256: form.textSha256,
      signedAt: now.toISOString(),
    };
    change = { to: 'SIGNED' as const, set: { signature }, event: { type: 'SIGNED', actor: 'operator', detail: { language: signature.language, textSha256: signature.textSha256 } } };
  } else {
    change = { to: 'DECLINED' as const, set: { decline: { reason: form.reason, declinedAt: now.toISOString() } }, event: { type: 'DECLINED', actor: 'operator' } };
  }
  const result = await transition({ commitment, from: ['INVITED'], ...change, alongside: [linkStillValid(open.linkHash, commitment.id, now)], now });
  if (!result.ok) {
    if (result.reason === 'alongside') throw new DomainError('LINK_EXPIRED', 'This invitation has expired.');
    const current = await getCommitment(commitment.id);
    const what = current?.state === 'DECLINED' ? 'declined' : 'signed';
    throw new DomainError('LINK_USED', `Your organisation has already ${what} this declaration; nothing more is needed from this link.`);
  }
  const callback = await resumeWait(commitment.id, 'signature', { outcome: change.to });
  logger.info('signature recorded', { commitmentId: commitment.id, outcome: change.to, callback });
  return { outcome: change.to, organisation: commitment.organisation.name, email: commitment.organisation.email };
}
