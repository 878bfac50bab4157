import { createHash } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ENV } from '../../functions/catalog';
import { DomainError } from '../../functions/domain/errors';
import { redirect } from '../../functions/handlers/api/signing-http';
import { httpHandler, jsonError } from '../../functions/shared/api-handler';
import { binary, json, page, text, type HttpResponse } from '../../functions/shared/http';
import { OPERATOR_PAGE_CSP } from '../../templates/pages/layout';
import { verifyPage } from '../../templates/pages/verify-page';

/** What every answer must carry, whatever built it. */
function expectSecured(response: HttpResponse, name: string, https: boolean): void {
  const headers = response.headers;
  expect(headers['referrer-policy'], name).toBe('no-referrer');
  expect(headers['x-content-type-options'], name).toBe('nosniff');
  expect(headers['x-frame-options'], name).toBe('DENY');
  expect(headers['cache-control'], name).toBeTruthy();
  expect(headers['cross-origin-opener-policy'], name).toBe('same-origin');
  expect(headers['cross-origin-resource-policy'], name).toBe('same-origin');
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'browsing-topics']) {
    expect(headers['permissions-policy'], name).toMatch(new RegExp(`(^|, )${feature}=\\(\\)(,|$)`));
  }
  if (https) expect(headers['strict-transport-security'], name).toBe('max-age=63072000; includeSubDomains');
  else expect(headers['strict-transport-security'], name).toBeUndefined();
  expect(headers['content-security-policy'] ?? '', name).not.toMatch(/unsafe-inline|unsafe-eval/);
}

const event = { routeKey: 'GET /verify', requestContext: {}, headers: {} } as unknown as APIGatewayProxyEventV2;

/** One answer from each builder, including the shared wrapper's own refusals and its 500. */
async function everyBuilder(): Promise<Record<string, HttpResponse>> {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const failing = httpHandler(async () => {
    throw new Error('boom');
  });
  const refusing = httpHandler(async () => {
    throw new DomainError('NOT_FOUND', 'There is no such page.');
  }, (status, error) => page(status, verifyPage({ problem: error.message }), OPERATOR_PAGE_CSP));
  const unauthenticated = httpHandler(async () => json(200, {}));
  return {
    json: json(200, { ok: true }),
    page: page(200, verifyPage(), OPERATOR_PAGE_CSP),
    binary: binary('application/pdf', new Uint8Array([37, 80, 68, 70]), 'a.pdf'),
    text: text(200, 'text/csv; charset=utf-8', 'a,b\n', { 'cache-control': 'private, max-age=60' }),
    redirect: redirect('/signing', ['signing-session=x']),
    jsonError: jsonError(409, new DomainError('WRONG_STATE', 'No.')),
    'wrapper 500': (await failing(event)) as HttpResponse,
    'wrapper page error': (await refusing(event)) as HttpResponse,
    'wrapper 401': (await unauthenticated({ ...event, routeKey: 'GET /api/declarations' })) as HttpResponse,
  };
}

describe('security headers', () => {
  const appUrl = process.env[ENV.appUrl];
  afterEach(() => {
    vi.restoreAllMocks();
    if (appUrl === undefined) delete process.env[ENV.appUrl];
    else process.env[ENV.appUrl] = appUrl;
  });

  it('are on the answer of every response builder, with HSTS when the deployment is HTTPS', async () => {
    process.env[ENV.appUrl] = 'https://signing.example.eu';
    const answers = await everyBuilder();
    expect(answers['wrapper 401']!.statusCode).toBe(401);
    expect(answers['wrapper 500']!.statusCode).toBe(500);
    expect(answers['wrapper page error']!.statusCode).toBe(404);
    for (const [name, response] of Object.entries(answers)) expectSecured(response, name, true);
  });

  it('leave HSTS off over plain HTTP (the local stack), or when the address is unknown', async () => {
    process.env[ENV.appUrl] = 'http://127.0.0.1:3000';
    for (const [name, response] of Object.entries(await everyBuilder())) expectSecured(response, name, false);
    delete process.env[ENV.appUrl];
    expectSecured(json(200, {}), 'json without an address', false);
  });

  it('let an answer set its own cache policy without losing the others', () => {
    const answer = text(200, 'text/csv', '', { 'cache-control': 'private, max-age=60' });
    expect(answer.headers['cache-control']).toBe('private, max-age=60');
  });

  it('allow the verify page its one style block by hash, no inline style or script', () => {
    const markup = verifyPage({ problem: 'A problem.' });
    const style = /<style>([\s\S]*?)<\/style>/.exec(markup)![1]!;
    const csp = page(200, markup, OPERATOR_PAGE_CSP).headers['content-security-policy']!;
    expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(csp).not.toMatch(/unsafe|script-src|https?:/);
    expect(markup).not.toMatch(/<script|style="/);
  });
});
