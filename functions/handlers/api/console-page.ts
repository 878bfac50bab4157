import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { CONSOLE_SCOPES, ENV } from '../../catalog';
import { DomainError } from '../../domain/errors';
import { ID_PATTERN } from '../../domain/ids';
import { httpHandler } from '../../shared/api-handler';
import { optionalEnv } from '../../shared/config';
import { page } from '../../shared/http';
import { auditPage } from '../../../templates/console/audit-page';
import { commitmentPage } from '../../../templates/console/commitment-page';
import { dashboardPage } from '../../../templates/console/dashboard-page';
import { declarationFormPage } from '../../../templates/console/declaration-form-page';
import { declarationsPage } from '../../../templates/console/declarations-page';
import { consoleLanguage, type ConsoleLanguage } from '../../../templates/console/i18n';
import { renderConsolePage, renderConsoleProblemPage, type ConsolePage, type SignInConfig } from '../../../templates/console/layout';

/** Cognito's hosted UI when the deployment has a domain; the development sign-in on the local stack. */
function signInConfig(): SignInConfig {
  const domainUrl = optionalEnv(ENV.cognitoDomainUrl);
  const clientId = optionalEnv(ENV.cognitoClientId);
  if (domainUrl && clientId) return { kind: 'cognito', domainUrl: domainUrl.replace(/\/+$/, ''), clientId, scope: CONSOLE_SCOPES.join(' ') };
  const development = optionalEnv(ENV.developmentSignInUrl);
  return development ? { kind: 'development', url: development } : { kind: 'none' };
}

function idFrom(event: APIGatewayProxyEventV2, name: string): string {
  const id = event.pathParameters?.[name] ?? '';
  if (!ID_PATTERN.test(id)) throw new DomainError('NOT_FOUND', 'There is no such page.');
  return id;
}

/** The admin's choice of language (a cookie the console's switch writes), else the browser's, else English. */
function languageOf(event: APIGatewayProxyEventV2): ConsoleLanguage {
  return consoleLanguage({ cookies: event.cookies ?? [], acceptLanguage: event.headers?.['accept-language'] });
}

function pageFor(event: APIGatewayProxyEventV2): ConsolePage {
  const language = languageOf(event);
  switch (event.routeKey) {
    case 'GET /console/declarations/new':
      return declarationFormPage(undefined, language);
    case 'GET /console/declarations/{declarationId}':
      return dashboardPage(idFrom(event, 'declarationId'), language);
    case 'GET /console/declarations/{declarationId}/edit':
      return declarationFormPage(idFrom(event, 'declarationId'), language);
    case 'GET /console/commitments/{commitmentId}':
      return commitmentPage(idFrom(event, 'commitmentId'), language);
    case 'GET /console/audit':
      return auditPage(language);
    default:
      return declarationsPage(language);
  }
}

/** The console's pages hold no data: their script signs in and calls the JSON API. */
export const handler = httpHandler(async (event) => {
  const { markup, csp } = renderConsolePage(pageFor(event), signInConfig());
  return page(200, markup, csp);
}, (status, error, event) => {
  const { markup, csp } = renderConsoleProblemPage(status, error.message, languageOf(event));
  return page(status, markup, csp);
});
