import { clock } from '../shared/clock';
import { DomainError } from '../domain/errors';
import { getCodeState } from '../store/one-time-codes';
import { admitSessionPost, type SessionPostRequest } from './admit-session-post';
import { checkOneTimeCode, type CodeCheck } from './one-time-code';
import type { OpenSession } from './signing-session';

export type EnteredCode =
  /** The code was right, or there is none to confirm: the form opens. */
  | { readonly result: 'confirmed' | 'not-needed' }
  /** The code was refused; `open` has the code's state after this attempt, for the page that asks again. */
  | { readonly result: 'refused'; readonly check: Exclude<CodeCheck, { result: 'confirmed' }>; readonly open: OpenSession };

/** The operator enters the emailed code: a right one confirms the session, a wrong one counts towards the lock. */
export async function enterOneTimeCode(request: SessionPostRequest, now = clock.now()): Promise<EnteredCode> {
  const { fields, open } = await admitSessionPost(request, now);
  if (!open.codeToConfirm) return { result: 'not-needed' };
  const typed = fields.get('code') ?? [''];
  if (typed.length !== 1) throw new DomainError('INVALID_INPUT', 'The code was sent more than once.');
  const check = await checkOneTimeCode(open, typed[0]!, now);
  if (check.result === 'confirmed') return { result: 'confirmed' };
  return { result: 'refused', check, open: { ...open, codeState: await getCodeState(open.commitment.id) } };
}
