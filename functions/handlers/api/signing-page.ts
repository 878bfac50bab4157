import { resolveSigningLink } from '../../operations/signing-link';
import { httpHandler, pathParameter } from '../../shared/api-handler';
import { renderSigningForm, signingProblem } from './signing-responses';

/** GET and HEAD on the emailed link: shows the form, changes nothing (mail scanners open links). */
export const handler = httpHandler(async (event) => renderSigningForm(await resolveSigningLink(pathParameter(event, 'linkSecret'))), signingProblem);
