import { requiresOneTimeCode } from '../../domain/declaration';
import { sessionFormToken } from '../../domain/signing';
import { sendOneTimeCode } from '../../operations/send-one-time-code';
import { limitAttempts } from '../../operations/rate-limit';
import { resolveSigningSession } from '../../operations/signing-session';
import { httpHandler } from '../../shared/api-handler';
import { receiveSigningPost, redirect, requireFormToken, sessionIdFrom, signingPaths } from './signing-http';
import { signingProblem } from './signing-responses';

/** "Email me a new code": a fresh code replaces the last one (codes per link are rate-limited). */
export const handler = httpHandler(async (event) => {
  const now = new Date();
  const post = await receiveSigningPost(event, now);
  const open = await resolveSigningSession(sessionIdFrom(event), now);
  await limitAttempts({ scope: 'link', subject: open.commitment.id, language: open.session.language }, now);
  requireFormToken(post.fields, sessionFormToken(post.key, open.sessionId), open.session.language);
  if (requiresOneTimeCode(open.declaration) && !open.session.codeVerifiedAt) await sendOneTimeCode(open.commitment, now);
  return redirect(signingPaths().form);
}, signingProblem);
