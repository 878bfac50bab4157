import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, type Group } from '../../functions/catalog';
import { client } from '../support/campaign';
import { invitedOperator, type InvitedOperator } from '../support/signing';
import { callRoute } from '../support/catalog-routes';

/** Ids of the right shape that name nothing: each route answers with its own refusal, and nothing changes. */
/** The headers every answer carries on the local stack (plain HTTP: no HSTS there). */
function expectSecured(response: Response, what: string): void {
  const header = (name: string) => response.headers.get(name);
  expect(header('referrer-policy'), what).toBe('no-referrer');
  expect(header('x-content-type-options'), what).toBe('nosniff');
  expect(header('x-frame-options'), what).toBe('DENY');
  expect(header('cache-control'), what).toBeTruthy();
  expect(header('cross-origin-opener-policy'), what).toBe('same-origin');
  expect(header('cross-origin-resource-policy'), what).toBe('same-origin');
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'browsing-topics']) {
    expect(header('permissions-policy'), what).toMatch(new RegExp(`(^|, )${feature}=\\(\\)(,|$)`));
  }
  expect(header('strict-transport-security'), `${what}: the local stack is plain HTTP`).toBeNull();
  expect(header('content-security-policy') ?? '', what).not.toMatch(/unsafe-inline|unsafe-eval/);
}

describe('security headers on every answer', () => {
  let appUrl = '';
  const tokens = {} as Record<Group, string>;
  let invited: InvitedOperator;

  beforeAll(async () => {
    const campaign = client();
    appUrl = campaign.appUrl;
    tokens['commission-admin'] = await campaign.token('commission-admin');
    tokens.auditor = await campaign.token('auditor');
    invited = await invitedOperator();
  });

  it.each(ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))('%s: without a token, and with one allowed', async (name, route) => {
    expectSecured(await callRoute(appUrl, route), `${name} anonymous`);
    if (route.access !== 'public') expectSecured(await callRoute(appUrl, route, tokens[route.access[0]!]), `${name} as ${route.access[0]}`);
  });

  it('are on a page, a redirect, a JSON answer, a download and the stack’s own refusals', async () => {
    const { admin, declarationId, operator } = invited;
    const idToken = async () => ((await (await fetch(`${appUrl}/local/token`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ group: 'commission-admin', tokenUse: 'id' }),
    })).json()) as { token: string }).token;
    const answers: [string, Response, number][] = [
      ['operator landing page', await operator.landing(), 200],
      ['Continue (a redirect)', await operator.open(), 303],
      ['operator page under a session', (await operator.page()).response, 200],
      ['console page', await fetch(`${appUrl}/console`), 200],
      ['verify page', await fetch(`${appUrl}/verify`), 200],
      ['verify page refusing a bad fingerprint', await fetch(`${appUrl}/verify?sha256=zz`), 400],
      ['public register', await fetch(`${appUrl}/register`), 200],
      ['JSON API', await fetch(`${appUrl}/api/declarations/${declarationId}`, { headers: { authorization: `Bearer ${admin}` } }), 200],
      ['CSV download', await fetch(`${appUrl}/api/declarations/${declarationId}/commitments.csv`, { headers: { authorization: `Bearer ${admin}` } }), 200],
      ['unknown route', await fetch(`${appUrl}/no/such/route`), 404],
      ['unknown local route', await fetch(`${appUrl}/local/no-such-route`), 404],
      ['API without a token', await fetch(`${appUrl}/api/declarations`), 401],
      ['API with an ID token, which has no scope', await fetch(`${appUrl}/api/declarations`, { headers: { authorization: `Bearer ${await idToken()}` } }), 403],
      ['local token request that is not JSON', await fetch(`${appUrl}/local/token`, { method: 'POST', body: 'x' }), 400],
    ];
    for (const [what, response, status] of answers) {
      expect(response.status, what).toBe(status);
      expectSecured(response, what);
    }
  });

  it('allow the verify page only its own style, by hash', async () => {
    const policy = (await fetch(`${appUrl}/verify`)).headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/style-src 'sha256-[A-Za-z0-9+/]{43}='/);
    expect(policy).not.toMatch(/unsafe|https?:|script-src/);
  });
});
