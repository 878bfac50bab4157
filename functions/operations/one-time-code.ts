import { ENV } from '../catalog';
import type { Commitment } from '../domain/commitment';
import { mailTags } from '../domain/mail-events';
import { CODE_VALIDITY_SECONDS, hashOneTimeCode, MAX_WRONG_CODES, newOneTimeCode, normaliseOneTimeCode, sameToken } from '../domain/signing';
import { sendEmail } from '../mail/send-email';
import { requiredEnv } from '../shared/config';
import { loadSigningKey } from '../shared/signing-key';
import { SigningError } from '../shared/signing-errors';
import { acceptCode, countWrongCode, getCodeState, storeNewCode, type CodeState } from '../store/one-time-codes';
import { retryOnTransactionConflict } from '../store/transaction-conflicts';
import { oneTimeCodeEmail } from '../../templates/email/one-time-code';
import { uiLanguage } from '../../templates/i18n';
import { limitAttempts } from './rate-limit';
import { resolveSigningSession, type OpenSession } from './signing-session';

/** A code was sent and can still be entered. */
export function hasLiveCode(state: CodeState, now: Date): boolean {
  return state.codeHash !== undefined && (state.expiresAt ?? 0) > now.getTime();
}

/**
 * Emails a new 6-digit code to the invited address; the record keeps only its keyed hash, and an
 * earlier code stops working. Refused while the link is locked, and past the codes' rate limit.
 */
export async function sendOneTimeCode(commitment: Commitment, now = new Date()): Promise<{ expiresAt: Date }> {
  // Every emailed code counts, so that no path can flood the invited address.
  await limitAttempts({ scope: 'code', subject: commitment.id, language: commitment.language }, now);
  const key = await loadSigningKey();
  const code = newOneTimeCode();
  const expiresAt = new Date(now.getTime() + CODE_VALIDITY_SECONDS * 1000);
  const stored = await storeNewCode(
    commitment.id,
    { hash: hashOneTimeCode(key, commitment.id, code), sentTo: commitment.organisation.email, sentAt: now, expiresAt },
    { commitmentId: commitment.id, declarationId: commitment.declarationId, type: 'CODE_SENT', actor: 'operator', at: now.toISOString(), detail: { expiresAt: expiresAt.toISOString() } },
  );
  if (!stored) throw locked(commitment);
  const email = oneTimeCodeEmail({
    language: uiLanguage([commitment.language]),
    contactName: commitment.organisation.contactName,
    code,
    expiresAt,
    contactAddress: requiredEnv(ENV.commissionContactAddress),
  });
  await sendEmail({ ...email, to: { name: commitment.organisation.contactName, address: commitment.organisation.email }, tags: mailTags(commitment.id, 'one-time-code') });
  return { expiresAt };
}

export type CodeCheck =
  | { readonly result: 'confirmed' }
  | { readonly result: 'wrong'; readonly triesLeft: number }
  | { readonly result: 'format' | 'expired' | 'none' };

/**
 * Checks a typed code. A right one confirms the session; a wrong one counts against the link,
 * and the fifth wrong one in a row locks it (until an admin resends the link). A code that is
 * not six digits, or has expired, counts for nothing.
 */
export async function checkOneTimeCode(open: OpenSession, typed: string, now = new Date()): Promise<CodeCheck> {
  const code = normaliseOneTimeCode(typed);
  if (!code) return { result: 'format' };
  const { commitment } = open;
  const hash = hashOneTimeCode(await loadSigningKey(), commitment.id, code);
  let state = open.codeState;
  // Each pass reads the state again after another request changed it first.
  for (let pass = 0; pass < 10; pass++, state = await getCodeState(commitment.id)) {
    if (state.lockedAt) throw locked(commitment);
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
    const events = [
      { ...event, type: 'CODE_REJECTED', detail: { attempt, triesLeft: Math.max(0, MAX_WRONG_CODES - attempt) } },
      ...(lock ? [{ ...event, type: 'LINK_LOCKED', detail: { wrongCodes: attempt } }] : []),
    ];
    if (await retryOnTransactionConflict(() => countWrongCode(commitment.id, state.failedAttempts, lock, now, events))) {
      if (lock) throw locked(commitment);
      return { result: 'wrong', triesLeft: MAX_WRONG_CODES - attempt };
    }
  }
  throw new Error(`the one-time code of ${commitment.id} kept changing while it was checked`);
}

function locked(commitment: Commitment): SigningError {
  return new SigningError('LINK_LOCKED', 'A wrong code was entered too often; the link is locked until the Commission resends it.', { language: commitment.language });
}
