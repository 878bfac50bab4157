import type { Commitment } from '../domain/commitment';
import { requiresOneTimeCode, type DeclarationContent } from '../domain/declaration';
import { hashSessionId, SESSION_ID_PATTERN } from '../domain/signing';
import { SigningError, unknownSession } from '../shared/signing-errors';
import { getCommitment } from '../store/commitments';
import { getDeclarationContent } from '../store/declarations';
import { getCodeState, type CodeState } from '../store/one-time-codes';
import { getSession, type SigningSession } from '../store/signing-sessions';
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
  if (!sessionId || !SESSION_ID_PATTERN.test(sessionId)) throw unknownSession();
  const sessionHash = hashSessionId(sessionId);
  const session = await getSession(sessionHash);
  if (!session) throw unknownSession();
  const [commitment, codeState, declaration] = await Promise.all([getCommitment(session.commitmentId), getCodeState(session.commitmentId), getDeclarationContent(session.declarationId)]);
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
  return { sessionId, sessionHash, session, commitment, declaration, codeState, codeToConfirm };
}
