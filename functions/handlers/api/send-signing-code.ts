import { requestOneTimeCode } from '../../operations/request-one-time-code';
import { httpHandler } from '../../shared/api-handler';
import { redirect, sessionPost, signingPaths } from './signing-http';
import { signingProblem } from './signing-responses';

/** "Email me a new code": a fresh code replaces the last one (codes per link are rate-limited). */
export const handler = httpHandler(async (event) => {
  await requestOneTimeCode(sessionPost(event));
  return redirect(signingPaths().form);
}, signingProblem);
