import { requiresOneTimeCode } from '../../domain/declaration';
import { checkOneTimeCode } from '../../operations/one-time-code';
import { httpHandler } from '../../shared/api-handler';
import { DomainError } from '../../shared/errors';
import { getCodeState } from '../../store/one-time-codes';
import { receiveSessionPost, redirect, signingPaths } from './signing-http';
import { codePageResponse, signingProblem } from './signing-responses';
import { clock } from '../../shared/clock';

/** The operator enters the emailed code: a right one opens the form, a wrong one counts towards the lock. */
export const handler = httpHandler(async (event) => {
  const now = clock.now();
  const { post, open } = await receiveSessionPost(event, now);
  if (!requiresOneTimeCode(open.declaration) || open.session.codeVerifiedAt) return redirect(signingPaths().form);
  const typed = post.fields.get('code') ?? [''];
  if (typed.length !== 1) throw new DomainError('INVALID_INPUT', 'The code was sent more than once.');
  const check = await checkOneTimeCode(open, typed[0]!, now);
  if (check.result === 'confirmed') return redirect(signingPaths().form);
  return codePageResponse({ ...open, codeState: await getCodeState(open.commitment.id) }, post.key, { status: 400, failedCheck: check, now });
}, signingProblem);
