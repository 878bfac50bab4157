import { clock } from '../shared/clock';
import type { Signature } from '../domain/commitment';
import { consentShown } from '../domain/consent';
import { requiresOneTimeCode } from '../domain/declaration';
import { publicationShown } from '../domain/publication';
import { linkGenerationOf } from '../domain/rounds';
import { DomainError } from '../domain/errors';
import { readSigningForm, type FieldProblem, type SignForm } from '../domain/signing-form';
import { logger } from '../shared/logger';
import { SigningError, unknownSession } from '../shared/signing-errors';
import { getCommitment, transition, type TransitionRequest } from '../store/commitments';
import { linkStillValid } from '../store/links';
import { consumeSession } from '../store/signing-sessions';
import { parkedTaskUnchanged, type ParkedTask } from '../store/task-tokens';
import { retryOnTransactionConflict } from '../store/transaction-conflicts';
import { resumeWait } from '../workflow/client';
import { admitSessionPost, type SessionPostRequest } from './admit-session-post';
import type { FormFields } from './admit-signing-post';
import { alreadyUsed } from './signing-link';
import { resolveSigningSession, type OpenSession } from './signing-session';

export type SubmissionOutcome =
  | { readonly outcome: 'SIGNED' | 'DECLINED'; readonly organisation: string }
  | { readonly outcome: 'INVALID'; readonly problems: readonly FieldProblem[]; readonly form: ReturnType<typeof readSigningForm>['form'] };

export interface Submission {
  /** The session as it was when the POST was admitted, and the fields sent, for the page that answers. */
  readonly open: OpenSession;
  readonly fields: FormFields;
  readonly result: SubmissionOutcome;
}

/**
 * The final POST of a signing session: signs or declines. One transaction moves the commitment
 * out of INVITED with its audit event, while the link is valid and the session unused (and its
 * code confirmed, when the declaration asks for one), and uses the session up; only then is the
 * workflow told. Concurrent submissions race on those conditions and exactly one wins.
 */
export async function submitSignature(request: SessionPostRequest, now = clock.now()): Promise<Submission> {
  const { open, fields, clientAddressHash, parkedTask } = await admitSessionPost(request, now, { withParkedTask: true });
  return { open, fields, result: await submit(open, fields, { clientAddressHash, parkedTask }, now) };
}

async function submit(open: OpenSession, fields: FormFields, request: { clientAddressHash: string; parkedTask?: { task: ParkedTask | undefined } }, now: Date): Promise<SubmissionOutcome> {
  const { commitment, declaration, session } = open;
  const codeRequired = requiresOneTimeCode(declaration);
  if (codeRequired && !session.codeVerifiedAt) {
    throw new SigningError('CODE_REQUIRED', 'Confirm the one-time code before signing or declining.', { language: session.language });
  }
  const { form, problems } = readSigningForm(fields);
  if (form.action === 'sign') problems.push(...checkAgainstDeclaration(open, form));
  if (problems.length > 0) return { outcome: 'INVALID', problems, form };

  let change: Pick<TransitionRequest, 'to' | 'set' | 'event'>;
  if (form.action === 'sign') {
    // checkAgainstDeclaration found no problem, so the form names a statement we showed.
    const consent = consentShown(form.consentLanguage, form.consentSha256)!;
    const publication = form.publish ? publicationShown(form.publicationLanguage, form.publicationSha256)! : undefined;
    // The statements' texts and the client address are written once, in the SIGNED event; the
    // commitment keeps their hashes, since every later step rewrites (and bills) the whole item.
    const signature: Signature = {
      signerName: form.signerName,
      signerTitle: form.signerTitle,
      acceptedCommitmentIds: form.accepted,
      language: form.language,
      textSha256: form.textSha256,
      hashCovers: 'text-and-commitments',
      signedAt: now.toISOString(),
      consent: { sha256: consent.sha256, language: consent.language },
      ...(publication ? { publication: { sha256: publication.sha256, language: publication.language } } : {}),
      ...(codeRequired && session.codeVerifiedAt ? { oneTimeCode: { sentTo: open.codeState.sentTo ?? commitment.organisation.email, verifiedAt: session.codeVerifiedAt } } : {}),
    };
    const statements = {
      consent: { text: consent.text, sha256: consent.sha256, language: consent.language },
      publication: publication ? { agreed: true, text: publication.text, sha256: publication.sha256, language: publication.language } : { agreed: false },
    };
    change = { to: 'SIGNED', set: { signature }, event: { type: 'SIGNED', actor: 'operator', detail: { language: form.language, textSha256: form.textSha256, clientAddressHash: request.clientAddressHash, ...statements } } };
  } else {
    change = { to: 'DECLINED', set: { decline: { reason: form.reason, declinedAt: now.toISOString() } }, event: { type: 'DECLINED', actor: 'operator', detail: { reason: form.reason, clientAddressHash: request.clientAddressHash } } };
  }
  const record = (parked?: { task: ParkedTask | undefined }) =>
    retryOnTransactionConflict(() =>
      transition({
        commitment,
        from: ['INVITED'],
        ...change,
        // The commitment's own expiry and link generation are checked on it; a link's own expiry only when it keeps none.
        links: { generation: session.linkGeneration ?? 0, validAt: now },
        alongside: [
          linkStillValid(session.linkHash, commitment.id, now, commitment.linksExpireAt === undefined),
          consumeSession(open.sessionHash, commitment.id, now, codeRequired),
          // The workflow's task as read with the session, so that its token can be answered without reading it again.
          ...(parked ? [parkedTaskUnchanged(commitment.id, parked.task)] : []),
        ],
        now,
      }),
    );
  let parked = request.parkedTask;
  let result = await record(parked);
  if (!result.ok && result.reason === 'alongside' && result.alongsideIndex === 2) {
    // The workflow parked a new token meanwhile (its next reminder): record without the check, and read the token after.
    parked = undefined;
    result = await record(undefined);
  }
  if (!result.ok) {
    if (result.reason === 'state') {
      const current = (await getCommitment(commitment.id)) ?? commitment;
      // Still awaiting its signature: the links ended (expired, or replaced by a corrected contact) meanwhile.
      if (current.state === 'INVITED') {
        const replaced = linkGenerationOf(current) !== (session.linkGeneration ?? 0);
        throw new SigningError('LINK_EXPIRED', replaced ? 'This link was replaced by a newer one.' : 'This invitation has expired.', { language: session.language, ...(replaced ? { replaced: true as const } : {}) });
      }
      throw alreadyUsed(current);
    }
    if (result.alongsideIndex === 0) throw new SigningError('LINK_EXPIRED', 'This invitation has expired.', { language: session.language });
    // The session was used or ended meanwhile: say which.
    await resolveSigningSession(open.sessionId, now);
    throw unknownSession();
  }
  const callback = await resumeWait(commitment.id, 'signature', change.to, parked);
  logger.info('signature recorded', { commitmentId: commitment.id, outcome: change.to, callback });
  return { outcome: change.to as 'SIGNED' | 'DECLINED', organisation: commitment.organisation.name };
}

/** What only the declaration can tell: known commitments, required ones accepted, a language it has, the statement shown. */
function checkAgainstDeclaration(open: OpenSession, form: SignForm): FieldProblem[] {
  const clauses = open.declaration.commitments[open.commitment.organisation.category];
  const known = new Set(clauses.map((clause) => clause.id));
  if (form.accepted.some((id) => !known.has(id))) {
    throw new DomainError('INVALID_INPUT', 'The signing form could not be read; go back to the signing page and send it again.', ['the form named commitments this declaration does not have']);
  }
  if (!open.declaration.texts[form.language]) {
    throw new DomainError('INVALID_INPUT', 'The signing form could not be read; go back to the signing page and send it again.', ['the page was shown in a language this declaration does not have']);
  }
  const problems: FieldProblem[] = clauses
    .filter((clause) => clause.required && !form.accepted.includes(clause.id))
    .map((clause) => ({ field: 'accepted', problem: 'required-commitment', clauseId: clause.id }));
  if (!consentShown(form.consentLanguage, form.consentSha256)) problems.push({ field: 'page', problem: 'outdated' });
  else if (form.publish && !publicationShown(form.publicationLanguage, form.publicationSha256)) problems.push({ field: 'page', problem: 'outdated' });
  return problems;
}
