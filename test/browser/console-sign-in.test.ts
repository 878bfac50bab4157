import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_SCOPES } from '../../functions/catalog';
import { buildConsoleScripts } from '../../infra/console-scripts';
import type { SignInConfig } from '../../templates/console/console-config';
import { declarationsPage } from '../../templates/console/declarations-page';
import { renderConsolePage } from '../../templates/console/layout';
import { launchChromium } from './chromium';

/**
 * The console page as a deployment with the given sign-in serves it, at an address of its own:
 * Chromium asks for it and the test answers, so the AWS mode runs without AWS. Nothing here needs
 * the local stack, whose sign-in is the development one.
 */
const ORIGIN = 'https://console.ports-alliance.example.eu';
const cognitoUrl = 'https://ports-alliance.auth.eu-west-1.amazoncognito.com';
const COGNITO: SignInConfig = { kind: 'cognito', domainUrl: cognitoUrl, clientId: 'consoleclient123', scope: CONSOLE_SCOPES.join(' ') };
const DEVELOPMENT: SignInConfig = { kind: 'development', url: '/local/sign-in' };

/** An unsigned token with an admin's claims: what a forged or borrowed link would carry. */
function adminToken(): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none' })}.${part({ sub: 'someone-else', name: 'Someone Else', 'cognito:groups': ['commission-admin'], exp: Math.floor(Date.now() / 1000) + 3600 })}.sig`;
}

let browser: Browser;

beforeAll(async () => {
  globalThis.__CONSOLE_SCRIPTS__ = buildConsoleScripts();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  globalThis.__CONSOLE_SCRIPTS__ = undefined;
});

/** A tab that gets the console page from `signIn`'s deployment, `[]` for every API call, and records every request to Cognito. */
async function consoleTab(signIn: SignInConfig): Promise<{ page: Page; cognitoRequests: Request[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const { markup, csp } = renderConsolePage(declarationsPage(), signIn);
  await page.route(`${ORIGIN}/console*`, (route) => route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp }, body: markup }));
  await page.route(`${ORIGIN}/api/**`, (route) => route.fulfill({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items: [] }) }));
  const cognitoRequests: Request[] = [];
  await page.route(`${cognitoUrl}/**`, (route) => {
    cognitoRequests.push(route.request());
    return route.fulfill({ status: 200, headers: { 'content-type': 'text/html' }, body: '<!doctype html><title>Cognito</title>' });
  });
  return { page, cognitoRequests };
}

describe('a token in the console\'s address', () => {
  it('on AWS signs nobody in: the console takes it off the address, keeps nothing and offers the Cognito sign-in', async () => {
    const { page } = await consoleTab(COGNITO);
    await page.goto(`${ORIGIN}/console#token=${adminToken()}`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect(await page.locator('#who').textContent()).toBe('');
    expect(await page.locator('#page').isHidden()).toBe(true);
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain('someone-else');
    await page.context().close();
  });

  it('on the local stack signs in with it, as the development sign-in hands it over', async () => {
    const { page } = await consoleTab(DEVELOPMENT);
    await page.goto(`${ORIGIN}/console#token=${adminToken()}`);
    await page.locator('#who', { hasText: 'Someone Else' }).waitFor();
    expect(new URL(page.url()).hash).toBe('');
    await page.context().close();
  });
});

describe('signing out on AWS', () => {
  it('revokes the refresh token with Cognito, then goes to Cognito\'s sign-out', async () => {
    const { page, cognitoRequests } = await consoleTab(COGNITO);
    await page.addInitScript(([token]) => {
      if (!sessionStorage.getItem('ports-alliance.signed-in-once')) {
        sessionStorage.setItem('ports-alliance.signed-in-once', '1');
        sessionStorage.setItem('ports-alliance.token', token!);
        sessionStorage.setItem('ports-alliance.refresh-token', 'the-refresh-token');
      }
    }, [adminToken()]);
    await page.goto(`${ORIGIN}/console`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.origin === new URL(cognitoUrl).origin && url.pathname === '/logout');
    const [revocation, logout] = cognitoRequests;
    expect(revocation?.method()).toBe('POST');
    expect(new URL(revocation!.url()).pathname).toBe('/oauth2/revoke');
    expect(Object.fromEntries(new URLSearchParams(revocation!.postData() ?? ''))).toEqual({ token: 'the-refresh-token', client_id: 'consoleclient123' });
    expect(new URL(logout!.url()).pathname).toBe('/logout');
    await page.context().close();
  });
});

describe('signing in on AWS', () => {
  /** An unsigned token with the given claims, as the test's Cognito hands it over. */
  function tokenWith(claims: Record<string, unknown>): string {
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${part({ alg: 'none' })}.${part({ exp: Math.floor(Date.now() / 1000) + 3600, ...claims })}.sig`;
  }

  it('asks Cognito for the API\'s scopes and calls the API with the access token, never the ID token', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const { markup, csp } = renderConsolePage(declarationsPage(), COGNITO);
    await page.route(`${ORIGIN}/console*`, (route) => route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp }, body: markup }));
    const bearers: string[] = [];
    await page.route(`${ORIGIN}/api/**`, (route) => {
      bearers.push(route.request().headers().authorization ?? '');
      return route.fulfill({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items: [] }) });
    });
    const accessToken = tokenWith({ sub: 'u-1', token_use: 'access', scope: CONSOLE_SCOPES.join(' '), 'cognito:groups': ['commission-admin'], name: 'Ana Admin', client_id: 'consoleclient123' });
    const idToken = tokenWith({ sub: 'u-1', token_use: 'id', aud: 'consoleclient123', 'cognito:groups': ['commission-admin'], name: 'Ana Admin' });
    let authorize: URL | undefined;
    let exchange: Record<string, string> | undefined;
    await page.route(`${cognitoUrl}/**`, (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/oauth2/authorize') {
        authorize = url;
        const back = new URL(`${ORIGIN}/console`);
        back.search = new URLSearchParams({ code: 'the-code', state: url.searchParams.get('state') ?? '' }).toString();
        return route.fulfill({ status: 302, headers: { location: back.toString() } });
      }
      if (url.pathname === '/oauth2/token') {
        exchange = Object.fromEntries(new URLSearchParams(route.request().postData() ?? ''));
        return route.fulfill({
          status: 200,
          headers: { 'content-type': 'application/json', 'access-control-allow-origin': ORIGIN },
          body: JSON.stringify({ id_token: idToken, access_token: accessToken, refresh_token: 'the-refresh-token', token_type: 'Bearer', expires_in: 3600 }),
        });
      }
      return route.fulfill({ status: 404, body: '' });
    });
    await page.goto(`${ORIGIN}/console`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.locator('#who', { hasText: 'Ana Admin' }).waitFor();
    await expect.poll(() => bearers.length).toBeGreaterThan(0);
    expect(authorize!.searchParams.get('scope')!.split(' ')).toEqual([...CONSOLE_SCOPES]);
    expect(exchange).toMatchObject({ grant_type: 'authorization_code', code: 'the-code', client_id: 'consoleclient123' });
    expect(new Set(bearers)).toEqual(new Set([`Bearer ${accessToken}`]));
    await context.close();
  });
});
