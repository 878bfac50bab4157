import { resolveSigningSession } from '../../operations/signing-session';
import { httpHandler } from '../../shared/api-handler';
import { loadSigningKey } from '../../shared/signing-key';
import { sessionIdFrom } from './signing-http';
import { codePageResponse, signingFormResponse, signingProblem } from './signing-responses';

/** GET under a signing session: the code step while the code is unconfirmed, then the declaration and its form. Changes nothing. */
export const handler = httpHandler(async (event) => {
  const open = await resolveSigningSession(sessionIdFrom(event));
  const key = await loadSigningKey();
  const requested = /^[a-z]{2}$/.test(event.queryStringParameters?.lang ?? '') ? event.queryStringParameters?.lang : undefined;
  if (open.codeToConfirm) return codePageResponse(open, key, { language: requested });
  return signingFormResponse(open, key, { language: { ui: requested, text: requested } });
}, signingProblem);
