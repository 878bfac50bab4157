import type { Commitment } from '../domain/commitment';
import { requiresOneTimeCode, type DeclarationContent } from '../domain/declaration';
import { commitmentIdOfSession, hashSessionId, SESSION_ID_PATTERN } from '../domain/signing';
import { SigningError, unknownSession } from '../shared/signing-errors';
import { getCommitment } from '../store/commitments';
import { getDeclarationContent } from '../store/declarations';
import { getCodeState, type CodeState } from '../store/one-time-codes';
import { getSession, getSessionWithCommitment, type SigningSession } from '../store/signing-sessions';
import type { ParkedTask } from '../store/task-tokens';
import { alreadyUsed, assertSignable, linksExpireAt } from './signing-link';
import { linkGenerationOf } from '../domain/rounds';
import { clock } from '../shared/clock';

export interface OpenSession {
  readonly sessionId: string;
  readonly sessionHash: string;
  readonly session: SigningSession;
  readonly commitment: Commitment;
  readonly declaration: DeclarationContent;
  readonly codeState: CodeState;
  /** The declaration asks for an emailed code and this session has not confirmed one yet. */
  readonly codeToConfirm: boolean;
}

/** The session a request carries, if it can still be used to sign; otherwise a refusal that says why. */
export async function resolveSigningSession(sessionId: string | undefined, now = clock.now()): Promise<OpenSession> {
  return (await resolveSession(sessionId, now, false)).open;
}

/**
 * resolveSigningSession for the POST that ends the signature wait: with the workflow's parked task
 * when it could be read in the same round trip (`parkedTask` absent when it was not read).
 */
export async function resolveSigningSessionWithParkedTask(sessionId: string | undefined, now: Date): Promise<{ open: OpenSession; parkedTask?: { task: ParkedTask | undefined } }> {
  return resolveSession(sessionId, now, true);
}

async function resolveSession(sessionId: string | undefined, now: Date, withParkedTask: boolean): Promise<{ open: OpenSession; parkedTask?: { task: ParkedTask | undefined } }> {
  if (!sessionId || !SESSION_ID_PATTERN.test(sessionId)) throw unknownSession();
  const sessionHash = hashSessionId(sessionId);
  const { session, commitment, codeState, parkedTask } = await readSession(sessionId, sessionHash, withParkedTask);
  const declaration = await getDeclarationContent(session.declarationId);
  if (!commitment || !declaration) throw unknownSession();
  if (session.usedAt) throw alreadyUsed(commitment, 'SESSION_USED');
  if (session.expiresAt <= now.getTime()) {
    throw new SigningError('SESSION_EXPIRED', 'The signing session has ended.', { language: session.language });
  }
  if ((session.linkGeneration ?? 0) !== linkGenerationOf(commitment)) {
    // The contact was corrected or a new round started: sessions of earlier links end at once.
    throw new SigningError('SESSION_EXPIRED', 'The signing session has ended: its link was replaced by a newer one.', { language: session.language, replaced: true });
  }
  assertSignable(commitment, declaration, linksExpireAt(commitment, session.linkExpiresAt), codeState, now);
  const codeToConfirm = requiresOneTimeCode(declaration) && !session.codeVerifiedAt;
  return { open: { sessionId, sessionHash, session, commitment, declaration, codeState, codeToConfirm }, ...(parkedTask ? { parkedTask } : {}) };
}

/** The session with its commitment and code state: one round trip when the id names its commitment. */
async function readSession(
  sessionId: string,
  sessionHash: string,
  withParkedTask: boolean,
): Promise<{ session: SigningSession; commitment: Commitment | undefined; codeState: CodeState; parkedTask?: { task: ParkedTask | undefined } }> {
  const named = commitmentIdOfSession(sessionId);
  if (named) {
    const found = await getSessionWithCommitment(sessionHash, named, withParkedTask);
    if (!found) throw unknownSession();
    return found;
  }
  const session = await getSession(sessionHash);
  if (!session) throw unknownSession();
  const [commitment, codeState] = await Promise.all([getCommitment(session.commitmentId), getCodeState(session.commitmentId)]);
  return { session, commitment, codeState };
}
