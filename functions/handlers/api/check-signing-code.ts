import { clock } from '../../shared/clock';
import { enterOneTimeCode } from '../../operations/enter-one-time-code';
import { httpHandler } from '../../shared/api-handler';
import { loadSigningKey } from '../../shared/signing-key';
import { redirect, sessionPost, signingPaths } from './signing-http';
import { codePageResponse, signingProblem } from './signing-responses';

/** The operator enters the emailed code: a right one opens the form, a wrong one counts towards the lock. */
export const handler = httpHandler(async (event) => {
  const now = clock.now();
  const entered = await enterOneTimeCode(sessionPost(event), now);
  if (entered.result !== 'refused') return redirect(signingPaths().form);
  return codePageResponse(entered.open, await loadSigningKey(), { status: 400, failedCheck: entered.check, now });
}, signingProblem);
