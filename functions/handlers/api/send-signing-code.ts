import { requiresOneTimeCode } from '../../domain/declaration';
import { sendOneTimeCode } from '../../operations/send-one-time-code';
import { httpHandler } from '../../shared/api-handler';
import { receiveSessionPost, redirect, signingPaths } from './signing-http';
import { signingProblem } from './signing-responses';
import { clock } from '../../shared/clock';

/** "Email me a new code": a fresh code replaces the last one (codes per link are rate-limited). */
export const handler = httpHandler(async (event) => {
  const now = clock.now();
  const { open } = await receiveSessionPost(event, now);
  if (requiresOneTimeCode(open.declaration) && !open.session.codeVerifiedAt) await sendOneTimeCode(open.commitment, now);
  return redirect(signingPaths().form);
}, signingProblem);
