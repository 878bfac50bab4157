import { submitSignature } from '../../operations/submit-signature';
import { httpHandler } from '../../shared/api-handler';
import { clearedSessionCookie, receiveSessionPost } from './signing-http';
import { outcomeResponse, sessionLanguages, signingFormResponse, signingProblem } from './signing-responses';
import { clock } from '../../shared/clock';

/** The final POST of a signing session: the only way to sign or decline. */
export const handler = httpHandler(async (event) => {
  const now = clock.now();
  const { post, open } = await receiveSessionPost(event, now);
  const one = (name: string) => post.fields.get(name)?.[0];
  const languages = sessionLanguages(open, { ui: one('pageLanguage'), text: one('language') });
  const result = await submitSignature(open, post.fields, { clientAddressHash: post.clientAddressHash }, now);
  if (result.outcome !== 'INVALID') return outcomeResponse(result.outcome, result.organisation, languages.ui, [clearedSessionCookie()]);
  // Show the form again with what was typed, and each problem at its field.
  const { form } = result;
  return signingFormResponse(open, post.key, {
    status: 400,
    language: languages,
    problems: result.problems,
    previous: form.action === 'sign'
      ? { signerName: form.signerName, signerTitle: form.signerTitle, accepted: form.accepted, consent: form.consent }
      : { signerName: one('signerName'), signerTitle: one('signerTitle'), reason: form.reason },
  });
}, signingProblem);
