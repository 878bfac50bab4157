import { clock } from '../shared/clock';
import { requiresOneTimeCode } from '../domain/declaration';
import { orderedIds } from '../domain/ids';
import { operatorLanguage } from '../domain/languages';
import { hashSessionId, hasLiveCode, landingFormToken, newSessionId, SESSION_SECONDS } from '../domain/signing';
import { loggableError, logger } from '../shared/logger';
import { loadSigningKey } from '../shared/signing-key';
import { newCodeItems, newCodeRefusal } from '../store/one-time-codes';
import { createSession } from '../store/signing-sessions';
import { retryOnTransactionConflict } from '../store/transaction-conflicts';
import { admitSigningPost, requireFormToken, type SigningPostRequest } from './admit-signing-post';
import { limitAttempts } from './rate-limit';
import { newCodeFor } from './send-one-time-code';
import { resolveSigningLink } from './signing-link';

/** Continue on a link's landing page. */
export interface OpenSigningSessionRequest extends SigningPostRequest {
  /** The secret of the emailed link, from the request's path. */
  readonly linkSecret: string;
  /** The browser's Accept-Language, for an invitation in a language the pages are not written in. */
  readonly acceptLanguage?: string;
}

export interface OpenedSession {
  readonly sessionId: string;
  readonly expiresAt: Date;
}

/**
 * Exchanges the emailed link for a short signing session (the operator pressed Continue): the
 * session, and the "viewed" event, are recorded here and never on GET. The POST is admitted, the
 * link must still be signable and within its rate limit, and the form must carry the landing
 * page's token. When the declaration asks for a one-time code and none can be entered yet, one is
 * stored with the session and emailed at once.
 */
export async function openSigningSession(request: OpenSigningSessionRequest, now = clock.now()): Promise<OpenedSession> {
  const { read: open, ...post } = await admitSigningPost(request, now, () => resolveSigningLink(request.linkSecret, now));
  await limitAttempts({ scope: 'link', subject: open.commitment.id, language: open.commitment.language }, now);
  requireFormToken(post.fields, landingFormToken(await loadSigningKey(), open.linkHash), open.commitment.language);
  const { commitment, declaration } = open;
  const language = operatorLanguage([commitment.language], request.acceptLanguage);
  const sessionId = newSessionId(commitment.id);
  const linkExpiresAt = open.expiresAt;
  const expiresAt = new Date(Math.min(now.getTime() + SESSION_SECONDS * 1000, linkExpiresAt));
  const session = {
    commitmentId: commitment.id,
    declarationId: commitment.declarationId,
    linkHash: open.linkHash,
    linkExpiresAt,
    linkGeneration: open.link.generation ?? 0,
    language,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.getTime(),
  };
  // The viewed event sorts before the code's, which shares its instant and its transaction.
  const [viewedId, codeSentId] = orderedIds('evt', 2);
  const viewed = {
    id: viewedId,
    commitmentId: commitment.id,
    declarationId: commitment.declarationId,
    type: 'VIEWED',
    actor: 'operator',
    at: now.toISOString(),
    detail: { language, clientAddressHash: post.clientAddressHash, linkIssuedAt: open.link.issuedAt },
  } as const;
  // When the declaration asks for a one-time code and none can be entered yet, the first one is
  // stored in the session's own transaction and emailed once both are recorded.
  const code = requiresOneTimeCode(declaration) && !hasLiveCode(open.codeState, now) ? await newCodeFor(commitment, now) : undefined;
  // Two Continues at once (a double click) write the same code items: the one DynamoDB cancels tries again.
  let created = await retryOnTransactionConflict(() => createSession(hashSessionId(sessionId), session, viewed, code ? newCodeItems(commitment.id, code.record, { ...code.event, id: codeSentId }, code.limit) : []));
  let stored = code;
  if (code && !created.created && created.alongsideFailedIndex !== undefined) {
    // The code was refused (its rate limit, or a lock since the read): the session opens without it,
    // and the code page offers to send one again, so this costs the operator a click at most.
    logger.warn('one-time code not sent', { commitmentId: commitment.id, error: loggableError(code.refusal(newCodeRefusal(created.alongsideFailedIndex))) });
    created = await createSession(hashSessionId(sessionId), session, viewed);
    stored = undefined;
  }
  if (!created.created) throw new Error('a new signing session id collided with an existing one');
  await stored?.send().catch((error: unknown) => logger.warn('one-time code not sent', { commitmentId: commitment.id, error: loggableError(error) }));
  return { sessionId, expiresAt };
}
