import { clock } from '../../shared/clock';
import { submitSignature } from '../../operations/submit-signature';
import { httpHandler } from '../../shared/api-handler';
import { loadSigningKey } from '../../shared/signing-key';
import { clearedSessionCookie, sessionPost } from './signing-http';
import { outcomeResponse, sessionLanguages, signingFormResponse, signingProblem } from './signing-responses';

/** The final POST of a signing session: the only way to sign or decline. */
export const handler = httpHandler(async (event) => {
  const now = clock.now();
  const { open, fields, result } = await submitSignature(sessionPost(event), now);
  const one = (name: string) => fields.get(name)?.[0];
  const languages = sessionLanguages(open, { ui: one('pageLanguage'), text: one('language') });
  if (result.outcome !== 'INVALID') return outcomeResponse(result.outcome, result.organisation, languages.ui, [clearedSessionCookie()]);
  // Show the form again with what was typed, and each problem at its field.
  const { form } = result;
  return signingFormResponse(open, await loadSigningKey(), {
    status: 400,
    language: languages,
    problems: result.problems,
    previous: form.action === 'sign'
      ? { signerName: form.signerName, signerTitle: form.signerTitle, accepted: form.accepted, consent: form.consent, publish: form.publish }
      : { signerName: one('signerName'), signerTitle: one('signerTitle'), reason: form.reason },
  });
}, signingProblem);
