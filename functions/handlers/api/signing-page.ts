import { resolveSigningLink } from '../../operations/signing-link';
import { httpHandler, pathParameter } from '../../shared/api-handler';
import { loadSigningKey } from '../../shared/signing-key';
import { landingResponse, signingProblem } from './signing-responses';

/** GET and HEAD on the emailed link: the landing page. Changes nothing (mail scanners open every link). */
export const handler = httpHandler(async (event) => {
  const open = await resolveSigningLink(pathParameter(event, 'linkSecret'));
  return landingResponse(open, event, await loadSigningKey());
}, signingProblem);
