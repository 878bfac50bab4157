import { ENV } from '../../catalog';
import { isOperatorLanguage, type OperatorLanguage } from '../../domain/languages';
import { readPublicRegister } from '../../operations/read-public-register';
import { httpHandler } from '../../shared/api-handler';
import { requiredEnv } from '../../shared/config';
import { page, type HttpResponse } from '../../shared/http';
import { messagesFor } from '../../../templates/i18n';
import { OPERATOR_PAGE_CSP } from '../../../templates/pages/layout';
import { problemPage } from '../../../templates/pages/outcome-pages';
import { registerHref, registerPage } from '../../../templates/pages/register-page';

/**
 * The public register of signatories: `GET /register` (the declarations) and
 * `GET /register/{declarationId}` (its published organisations). No sign-in, nothing personal,
 * the same headers as the other operator pages, and cacheable for a few minutes: it changes only
 * when a certificate is delivered.
 */
export const handler = httpHandler(async (event) => {
  const language = languageOf(event.queryStringParameters?.lang);
  const register = await readPublicRegister({ declarationId: event.pathParameters?.declarationId, language });
  return registerResponse(200, registerPage({ register, language, messages: messagesFor(language), contactAddress: requiredEnv(ENV.commissionContactAddress) }), PUBLIC_CACHE);
}, (status, _error, event) => {
  const language = languageOf(event.queryStringParameters?.lang);
  const m = messagesFor(language);
  const problem = status === 404 ? m.register.notFound : m.problems.serverError;
  const markup = problemPage({ messages: m, language, contactAddress: requiredEnv(ENV.commissionContactAddress), problem, backLink: { href: registerHref(undefined, language), label: m.register.allDeclarations } });
  // Not cached: a declaration opened a minute later must not keep answering 404.
  return registerResponse(status, markup, 'no-store');
});

/** Five minutes: a newly delivered signatory appears soon enough, and browsers and shared caches may answer repeated visits. */
const PUBLIC_CACHE = 'public, max-age=300';

/** `?lang=` picks one of the operator languages; anything else shows English (no Accept-Language: a shared cache would mix readers). */
function languageOf(requested: string | undefined): OperatorLanguage {
  return isOperatorLanguage(requested) ? requested : 'en';
}

function registerResponse(status: number, markup: string, cacheControl: string): HttpResponse {
  const response = page(status, markup, OPERATOR_PAGE_CSP);
  return { ...response, headers: { ...response.headers, 'cache-control': cacheControl } };
}

