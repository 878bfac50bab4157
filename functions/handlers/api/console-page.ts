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

function pageFor(event: APIGatewayProxyEventV2): ConsolePage {
  switch (event.routeKey) {
    case 'GET /console/declarations/new':
      return declarationFormPage();
    case 'GET /console/declarations/{declarationId}':
      return dashboardPage(idFrom(event, 'declarationId'));
    case 'GET /console/declarations/{declarationId}/edit':
      return declarationFormPage(idFrom(event, 'declarationId'));
    case 'GET /console/commitments/{commitmentId}':
      return commitmentPage(idFrom(event, 'commitmentId'));
    case 'GET /console/audit':
      return auditPage();
    default:
      return declarationsPage();
  }
}

/** The console's pages hold no data: their script signs in and calls the JSON API. */
export const handler = httpHandler(async (event) => {
  const { markup, csp } = renderConsolePage(pageFor(event), signInConfig());
  return page(200, markup, csp);
}, (status, error) => {
  const { markup, csp } = renderConsoleProblemPage(status, error.message);
  return page(status, markup, csp);
});
