import { clock } from '../../shared/clock';
import { openSigningSession } from '../../operations/open-signing-session';
import { httpHandler, pathParameter } from '../../shared/api-handler';
import { header, redirect, sessionCookie, signingPaths, signingPost } from './signing-http';
import { signingProblem } from './signing-responses';

/** Continue on the landing page: the link is exchanged for a signing session, and the browser goes on to an address without the secret. */
export const handler = httpHandler(async (event) => {
  const now = clock.now();
  const session = await openSigningSession({ ...signingPost(event), linkSecret: pathParameter(event, 'linkSecret'), acceptLanguage: header(event, 'accept-language') }, now);
  return redirect(signingPaths().form, [sessionCookie(session.sessionId, session.expiresAt, now)]);
}, signingProblem);
