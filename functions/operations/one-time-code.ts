import type { Commitment } from '../domain/commitment';
import { hashOneTimeCode, hasLiveCode, MAX_WRONG_CODES, normaliseOneTimeCode, sameToken } from '../domain/signing';
import { loadSigningKey } from '../shared/signing-key';
import { logger } from '../shared/logger';
import { LINK_LOCKED_LOG_MESSAGE } from '../shared/monitored-log-messages';
import { SigningError } from '../shared/signing-errors';
import { acceptCode, countWrongCode, getCodeState } from '../store/one-time-codes';
import { retryOnTransactionConflict } from '../store/transaction-conflicts';
import type { NewAuditEvent } from '../store/audit';
import { resolveSigningSession, type OpenSession } from './signing-session';
import { clock } from '../shared/clock';

export type CodeCheck =
  | { readonly result: 'confirmed' }
  | { readonly result: 'wrong'; readonly triesLeft: number }
  | { readonly result: 'format' | 'expired' | 'none' };

/**
 * Checks a typed code. A right one confirms the session; a wrong one counts against the link,
 * and the fifth wrong one in a row locks it (until an admin resends the link). A code that is
 * not six digits, or has expired, counts for nothing.
 */
export async function checkOneTimeCode(open: OpenSession, typed: string, now = clock.now()): Promise<CodeCheck> {
  const code = normaliseOneTimeCode(typed);
  if (!code) return { result: 'format' };
  const { commitment } = open;
  const hash = hashOneTimeCode(await loadSigningKey(), commitment.id, code);
  let state = open.codeState;
  // Each pass reads the state again after another request changed it first.
  for (let pass = 0; pass < 10; pass++, state = await getCodeState(commitment.id)) {
    if (state.lockedAt) throw linkLocked(commitment);
    if (!state.codeHash) return { result: 'none' };
    if (!hasLiveCode(state, now)) return { result: 'expired' };
    const event = { commitmentId: commitment.id, declarationId: commitment.declarationId, actor: 'operator', at: now.toISOString() };
    if (sameToken(state.codeHash, hash)) {
      const accepted = await retryOnTransactionConflict(() => acceptCode(commitment.id, hash, open.sessionHash, now, { ...event, type: 'CODE_CONFIRMED' }));
      if (accepted.ok) return { result: 'confirmed' };
      // The session ended meanwhile: say how.
      if (accepted.failed === 'session') await resolveSigningSession(open.sessionId, now);
      continue;
    }
    const attempt = state.failedAttempts + 1;
    const lock = attempt >= MAX_WRONG_CODES;
    const events: NewAuditEvent[] = [
      { ...event, type: 'CODE_REJECTED', detail: { attempt, triesLeft: Math.max(0, MAX_WRONG_CODES - attempt) } },
      ...(lock ? [{ ...event, type: 'LINK_LOCKED' as const, detail: { wrongCodes: attempt } }] : []),
    ];
    if (await retryOnTransactionConflict(() => countWrongCode(commitment.id, state.failedAttempts, lock, now, events))) {
      if (lock) {
        logger.warn(LINK_LOCKED_LOG_MESSAGE, { commitmentId: commitment.id });
        throw linkLocked(commitment);
      }
      return { result: 'wrong', triesLeft: MAX_WRONG_CODES - attempt };
    }
  }
  throw new Error(`the one-time code of ${commitment.id} kept changing while it was checked`);
}

/** The answer once wrong codes locked the link. */
export function linkLocked(commitment: Commitment): SigningError {
  return new SigningError('LINK_LOCKED', 'A wrong code was entered too often; the link is locked until the Commission resends it.', { language: commitment.language });
}
