import { resolveSigningLink } from '../../operations/signing-link';
import { formToSigningInput, submitSignature } from '../../operations/submit-signature';
import { httpHandler, pathParameter } from '../../shared/api-handler';
import { DomainError } from '../../shared/errors';
import { page, parseFormBody } from '../../shared/http';
import { declinedPage, signedPage } from '../../../templates/pages/outcome-pages';
import { renderSigningForm, signingProblem } from './signing-responses';

/** POST from the signing form: the only way to sign or decline. */
export const handler = httpHandler(async (event) => {
  const secret = pathParameter(event, 'linkSecret');
  const fields = parseFormBody(event);
  const input = formToSigningInput(fields);
  try {
    const result = await submitSignature(secret, input);
    return page(200, result.outcome === 'SIGNED' ? signedPage(result.organisation) : declinedPage(result.organisation));
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'INVALID_INPUT') throw error;
    // Show the form again with what was typed and what to fix.
    const open = await resolveSigningLink(secret);
    const one = (name: string) => fields.get(name)?.[0];
    return renderSigningForm(open, 400, {
      errors: error.details.length > 0 ? error.details : [error.message],
      previous: { signerName: one('signerName'), signerTitle: one('signerTitle'), accepted: fields.get('accepted') ?? [], reason: one('reason') },
    });
  }
}, signingProblem);
