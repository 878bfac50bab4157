import { landingFormToken } from '../../domain/signing';
import { openSigningSession } from '../../operations/open-signing-session';
import { limitAttempts } from '../../operations/rate-limit';
import { resolveSigningLink } from '../../operations/signing-link';
import { httpHandler, pathParameter } from '../../shared/api-handler';
import { uiLanguage } from '../../../templates/i18n';
import { header, receiveSigningPost, redirect, requireFormToken, sessionCookie, signingPaths } from './signing-http';
import { signingProblem } from './signing-responses';
import { clock } from '../../shared/clock';

/** Continue on the landing page: the link is exchanged for a signing session, and the browser goes on to an address without the secret. */
export const handler = httpHandler(async (event) => {
  const now = clock.now();
  const post = await receiveSigningPost(event, now);
  const open = await resolveSigningLink(pathParameter(event, 'linkSecret'), now);
  await limitAttempts({ scope: 'link', subject: open.commitment.id, language: open.commitment.language }, now);
  requireFormToken(post.fields, landingFormToken(post.key, open.linkHash), open.commitment.language);
  const language = uiLanguage([open.commitment.language], header(event, 'accept-language'));
  const session = await openSigningSession(open, { language, clientAddressHash: post.clientAddressHash }, now);
  return redirect(signingPaths().form, [sessionCookie(session.sessionId, session.expiresAt, now)]);
}, signingProblem);
