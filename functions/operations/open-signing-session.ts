import { requiresOneTimeCode } from '../domain/declaration';
import { hashSessionId, newSessionId, SESSION_SECONDS } from '../domain/signing';
import { loggableError, logger } from '../shared/logger';
import { createSession } from '../store/signing-sessions';
import { hasLiveCode } from './one-time-code';
import { sendOneTimeCode } from './send-one-time-code';
import type { OpenLink } from './signing-link';
import { clock } from '../shared/clock';

export interface OpenedSession {
  readonly sessionId: string;
  readonly expiresAt: Date;
}

/**
 * Exchanges the emailed link for a short signing session (the operator pressed Continue): the
 * session, and the "viewed" event, are recorded here and never on GET. When the declaration asks
 * for a one-time code and none can be entered yet, one is emailed at once.
 */
export async function openSigningSession(open: OpenLink, request: { language: string; clientAddressHash: string }, now = clock.now()): Promise<OpenedSession> {
  const { commitment, declaration } = open;
  const sessionId = newSessionId();
  const expiresAt = new Date(Math.min(now.getTime() + SESSION_SECONDS * 1000, open.link.expiresAt));
  const created = await createSession(
    hashSessionId(sessionId),
    {
      commitmentId: commitment.id,
      declarationId: commitment.declarationId,
      linkHash: open.linkHash,
      linkExpiresAt: open.link.expiresAt,
      language: request.language,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.getTime(),
    },
    {
      commitmentId: commitment.id,
      declarationId: commitment.declarationId,
      type: 'VIEWED',
      actor: 'operator',
      at: now.toISOString(),
      detail: { language: request.language, clientAddressHash: request.clientAddressHash, linkIssuedAt: open.link.issuedAt },
    },
  );
  if (!created) throw new Error('a new signing session id collided with an existing one');
  if (requiresOneTimeCode(declaration) && !hasLiveCode(open.codeState, now)) {
    // The code page offers to send one again, so a failure here only costs the operator a click.
    await sendOneTimeCode(commitment, now).catch((error: unknown) => logger.warn('one-time code not sent', { commitmentId: commitment.id, error: loggableError(error) }));
  }
  return { sessionId, expiresAt };
}
