import { beforeAll, describe, expect, it } from 'vitest';
import { GROUPS, ROUTES, routeScopes, type Group } from '../../functions/catalog';
import { client } from '../support/campaign';
import { callRoute } from '../support/catalog-routes';

/** Ids of the right shape that name nothing: the route's own checks answer, never a data change. */
async function token(appUrl: string, body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${appUrl}/local/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

/** Flips one character of the payload: the signature no longer matches. */
function tampered(jwt: string): string {
  const [header, payload, signature] = jwt.split('.') as [string, string, string];
  const middle = Math.floor(payload.length / 2);
  return [header, `${payload.slice(0, middle)}${payload[middle] === 'A' ? 'B' : 'A'}${payload.slice(middle + 1)}`, signature].join('.');
}

const protectedRoutes = ROUTES.filter((route) => route.access !== 'public');
const publicRoutes = ROUTES.filter((route) => route.access === 'public');

describe('who may call each route (the catalog is the one table)', () => {
  // The stack's address is known once the project's stack has started: read it in beforeAll, not while the tests are collected.
  let appUrl = '';
  const tokens = {} as Record<Group | 'none' | 'expired', string>;
  /** The user pool's ID tokens of each group: valid, signed, for the console's client, but with no scope. */
  const idTokens = {} as Record<Group, string>;
  /** Access tokens of each group for a client that asked for OpenID Connect's scopes only, none of the API's. */
  const unscopedTokens = {} as Record<Group, string>;

  beforeAll(async () => {
    appUrl = client().appUrl;
    for (const group of GROUPS) tokens[group] = await token(appUrl, { group });
    tokens.none = await token(appUrl, { group: 'auditor', groups: [] });
    tokens.expired = await token(appUrl, { group: 'commission-admin', expiresInSeconds: -60 });
    for (const group of GROUPS) idTokens[group] = await token(appUrl, { group, tokenUse: 'id' });
    for (const group of GROUPS) unscopedTokens[group] = await token(appUrl, { group, scopes: ['openid', 'email', 'profile'] });
  });

  it.each(protectedRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))('%s: 401 without a token, with an expired one or a tampered one', async (_, route) => {
    expect((await callRoute(appUrl, route)).status).toBe(401);
    expect((await callRoute(appUrl, route, tokens.expired)).status).toBe(401);
    for (const group of GROUPS) expect((await callRoute(appUrl, route, tampered(tokens[group]))).status).toBe(401);
  });

  it.each(protectedRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))('%s: 403 for the wrong group, through for the right one', async (_, route) => {
    const allowed = route.access as readonly Group[];
    for (const group of GROUPS) {
      const status = (await callRoute(appUrl, route, tokens[group])).status;
      if (allowed.includes(group)) expect([401, 403], `${group} is allowed`).not.toContain(status);
      else expect(status, `${group} is not allowed`).toBe(403);
    }
    expect((await callRoute(appUrl, route, tokens.none)).status, 'a user in no group').toBe(403);
  });

  it.each(protectedRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))('%s: 403 insufficient_scope for an ID token and for an access token without the route\'s scope, whatever the group', async (_, route) => {
    const required = routeScopes(route.access);
    expect(required.length).toBeGreaterThan(0);
    for (const group of GROUPS) {
      for (const [kind, bearer] of [['ID token', idTokens[group]], ['access token without API scopes', unscopedTokens[group]]] as const) {
        const response = await callRoute(appUrl, route, bearer);
        expect(response.status, `${group}'s ${kind}`).toBe(403);
        // Refused by the authorizer's scope check, as API Gateway does, before the route's function runs.
        expect(response.headers.get('www-authenticate'), `${group}'s ${kind}`).toBe(`Bearer error="insufficient_scope", scope="${required.join(' ')}"`);
        expect(((await response.json()) as { message: string }).message).toContain(required[0]);
      }
    }
  });

  it.each(protectedRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))('%s: an access token with the scope of one of the route\'s groups gets past the scope check', async (_, route) => {
    for (const group of route.access as readonly Group[]) {
      const response = await callRoute(appUrl, route, tokens[group]);
      expect(response.headers.get('www-authenticate'), group).toBeNull();
    }
  });

  it.each(publicRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))('%s: open to anyone', async (_, route) => {
    expect([401, 403]).not.toContain((await callRoute(appUrl, route)).status);
  });

  it('answers 403 to an auditor on every route that changes something', () => {
    // Asking for a ZIP of the sealed PDFs is a POST (it starts work and is repeated safely by request id), yet changes nothing of the campaign.
    const readsOnly = new Set(['POST /api/declarations/{declarationId}/document-exports']);
    const changing = ROUTES.filter((route) => route.method === 'POST' || route.method === 'PUT' || route.method === 'DELETE').filter((route) => route.access !== 'public')
      .filter((route) => !readsOnly.has(`${route.method} ${route.path}`));
    expect(changing.length).toBeGreaterThan(10);
    for (const route of changing) expect(route.access, `${route.method} ${route.path}`).not.toContain('auditor');
  });
});
