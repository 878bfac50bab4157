import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { contractOf } from '../../functions/api/contract';
import { ADMIN_ONLY, ROUTES, type RouteSpec } from '../../functions/catalog';
import { signingLinkIn, waitFor } from '../../tools/campaign/campaign-client';
import { carriesSigningLink, inviteMany } from '../support/flows';
import { exclusiveStack, type StackAccess } from '../support/own-stack';
import { waitForIdle, WORKFLOW_TIMEOUT_MS } from '../support/workflow-time';

/**
 * A corpus of hostile requests generated from the catalog's ROUTES (and the API contract's body
 * and query schemas), so that a new route is covered the day it is added: forged, expired and
 * wrong-group tokens, path tricks, malformed and oversized bodies, wrong types, unknown fields,
 * control characters and markup, bad query strings, methods no route has, forged sessions.
 * Every one must get a 4xx with a message a person can read, never a 5xx, and the table must be
 * the same afterwards (rate-limit windows aside: counting hostile requests is their job).
 *
 * On the exclusive stack, which this file has to itself, so that nothing else writes to the table meanwhile.
 */
interface HostileRequest {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
}

let stack: StackAccess;
let seeded: { declarationId: string; commitmentId: string; linkSecret: string };
let tokens: { admin: string; auditor: string; expired: string; noGroup: string };

beforeAll(async () => {
  stack = exclusiveStack();
  const campaign = stack.campaign;
  const token = async (body: Record<string, unknown>) => ((await (await fetch(`${campaign.appUrl}/local/token`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  })).json()) as { token: string }).token;
  tokens = {
    admin: await campaign.token('commission-admin'),
    auditor: await campaign.token('auditor'),
    expired: await token({ group: 'commission-admin', expiresInSeconds: -120 }),
    noGroup: await token({ group: 'commission-admin', groups: [] }),
  };
  const { declarationId, commitments: [invited] } = await inviteMany(campaign, tokens.admin, 1, 'hostile');
  const [invitation] = await campaign.waitForEmails(invited!.email, carriesSigningLink);
  const link = signingLinkIn(invitation!);
  seeded = { declarationId, commitmentId: invited!.commitmentId, linkSecret: link.slice(link.lastIndexOf('/') + 1) };
  // Nothing more happens on its own: the invitation is sent and recorded, and no wait falls due within
  // the hour (test/support/exclusive-stack-files.ts); its own reminder is a day away.
  await waitFor(async () => {
    const { events } = await campaign.api<{ events: { type: string }[] }>(tokens.admin, 'GET', `/api/commitments/${seeded.commitmentId}`);
    return events.some((event) => event.type === 'INVITATION_SENT') ? true : undefined;
  }, WORKFLOW_TIMEOUT_MS, 'the invitation to be recorded');
  await waitForIdle(campaign.appUrl, { executions: [seeded.commitmentId] });
});

/** Pages that ignore their path (the console's static page) take no input to attack there. */
const takesPathInput = (route: RouteSpec) => route.functionId !== 'console-page' && /\{\w+\}/.test(route.path);

function pathOf(route: RouteSpec, override?: string): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (override !== undefined) return override;
    if (name === 'declarationId') return seeded.declarationId;
    if (name === 'linkSecret') return seeded.linkSecret;
    return seeded.commitmentId;
  });
}

const json = (body: unknown) => JSON.stringify(body);
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const jsonHeaders = (token?: string) => ({ 'content-type': 'application/json', ...(token ? bearer(token) : {}) });
const tokenFor = (route: RouteSpec) => (route.access === 'public' ? undefined : tokens.admin);

const PATH_TRICKS: readonly [string, string][] = [
  ['a parent-directory walk', '..%2F..%2F..%2Fetc%2Fpasswd'],
  ['a double-encoded walk', '%252E%252E%252F%252E%252E%252Fetc'],
  ['a NUL byte', 'cmt_%00'],
  ['an id of letters the alphabet has not', `cmt_${'i'.repeat(26)}`],
  ['a 3,000-character id', 'x'.repeat(3000)],
  ['a table key smuggled in', encodeURIComponent('x#COMMITMENT')],
  ['markup and script', encodeURIComponent('<script>alert(1)</script>')],
  ['a right-to-left override', encodeURIComponent('cmt_\u202eexe.pdf')],
  ['SQL', encodeURIComponent("' OR '1'='1")],
];

const BAD_BODIES: readonly [string, (token?: string) => Pick<HostileRequest, 'headers' | 'body'>][] = [
  ['malformed JSON', (token) => ({ headers: jsonHeaders(token), body: '{"email": ' })],
  ['JSON sent as text/plain', (token) => ({ headers: { 'content-type': 'text/plain', ...(token ? bearer(token) : {}) }, body: json({}) })],
  ['a JSON array', (token) => ({ headers: jsonHeaders(token), body: '[]' })],
  ['JSON null', (token) => ({ headers: jsonHeaders(token), body: 'null' })],
  ['an empty object', (token) => ({ headers: jsonHeaders(token), body: '{}' })],
  ['an unknown field', (token) => ({ headers: jsonHeaders(token), body: json({ isAdmin: true, unexpected: 'field' }) })],
  ['a prototype-polluting key', (token) => ({ headers: jsonHeaders(token), body: '{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"x": 1}}}' })],
  ['wrong types everywhere', (token) => ({ headers: jsonHeaders(token), body: json({ email: 42, reason: ['x'], decision: {}, commitmentIds: 'all', sha256: 7, clickId: false, invitations: 'many', mode: 1 }) })],
  ['control characters and markup in every likely field', (token) => ({ headers: jsonHeaders(token), body: json({ email: '<script>@x', reason: '\u0000\u0007\u001b[31m', decision: '<b>approve</b>', sha256: '../'.repeat(30), clickId: '\u202e<svg onload=alert(1)>', documentId: '<img src=x>' }) })],
  ['a field of a million characters', (token) => ({ headers: jsonHeaders(token), body: json({ email: `${'a'.repeat(1_000_000)}@example.org`, reason: 'x'.repeat(1_000_000) }) })],
  ['JSON nested 5,000 deep', (token) => ({ headers: jsonHeaders(token), body: `${'['.repeat(5000)}${']'.repeat(5000)}` })],
  ['a body over the 2 MB JSON limit', (token) => ({ headers: jsonHeaders(token), body: json({ padding: 'x'.repeat(2_100_000) }) })],
];

const BAD_QUERIES: readonly [string, string][] = [
  ['an unknown parameter', 'evil=1'],
  ['a negative page', 'page=-1'],
  ['an absurd page size', 'pageSize=100000000'],
  ['a sort key that is not one', 'sort=__proto__'],
  ['markup as a state', 'state=%3Cscript%3E'],
];

function corpus(): HostileRequest[] {
  const requests: HostileRequest[] = [];
  const add = (route: RouteSpec, name: string, request: Omit<HostileRequest, 'name' | 'method'> & { method?: string }) =>
    requests.push({ method: route.method, ...request, name: `${route.method} ${route.path}: ${name}` });
  const emptyBody = (route: RouteSpec) => (route.method === 'POST' || route.method === 'PUT' ? { body: '{}' } : {});

  for (const route of ROUTES) {
    // Tokens: missing, garbage, forged, expired, in no group, and an auditor on an admin route.
    if (route.access !== 'public') {
      const path = pathOf(route);
      const forged = `${tokens.admin.slice(0, -6)}AAAAAA`;
      add(route, 'no token', { path, headers: { 'content-type': 'application/json' }, ...emptyBody(route) });
      add(route, 'a token that is not a JWT', { path, headers: { ...jsonHeaders(), authorization: 'Bearer not-a-token' }, ...emptyBody(route) });
      add(route, 'a forged signature', { path, headers: jsonHeaders(forged), ...emptyBody(route) });
      add(route, 'an expired token', { path, headers: jsonHeaders(tokens.expired), ...emptyBody(route) });
      add(route, 'a token in no group', { path, headers: jsonHeaders(tokens.noGroup), ...emptyBody(route) });
      add(route, 'a Basic credential instead of a bearer token', { path, headers: { ...jsonHeaders(), authorization: 'Basic YWRtaW46YWRtaW4=' }, ...emptyBody(route) });
      if (route.access === ADMIN_ONLY) add(route, 'an auditor', { path, headers: jsonHeaders(tokens.auditor), ...emptyBody(route) });
    }
    // Path tricks, with a caller who may use the route.
    if (takesPathInput(route)) {
      for (const [name, value] of PATH_TRICKS) add(route, `${name} in the path`, { path: pathOf(route, value), headers: jsonHeaders(tokenFor(route)), ...emptyBody(route) });
    }
    // Bodies that the route's schema must refuse.
    const contract = contractOf(`${route.method} ${route.path}`);
    if (contract?.body) {
      for (const [name, make] of BAD_BODIES) add(route, name, { path: pathOf(route), ...make(tokenFor(route)) });
    }
    // Query strings the route's schema must refuse.
    if (contract?.query) {
      for (const [name, query] of BAD_QUERIES) add(route, name, { path: `${pathOf(route)}?${query}`, headers: jsonHeaders(tokenFor(route)) });
    }
  }
  // Methods no route has, once per path.
  for (const path of new Set(ROUTES.map((route) => route.path))) {
    const route = ROUTES.find((candidate) => candidate.path === path)!;
    requests.push({ name: `PATCH ${path}: a method no route has`, method: 'PATCH', path: pathOf(route), headers: jsonHeaders(tokens.admin), body: '{}' });
  }
  // The signing pages without their session, or with a forged one.
  for (const route of ROUTES.filter((candidate) => candidate.path.startsWith('/signing'))) {
    const form = route.method === 'POST' ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'action=sign&signerName=Mallory' } : {};
    add(route, 'no session', { path: route.path, ...form });
    add(route, 'a forged session', { path: route.path, ...form, headers: { ...form.headers, cookie: `signing-session=${'A'.repeat(43)}` } });
  }
  // The verification page's file upload: bodies its multipart parser must refuse.
  const multipart = (boundary: string, body: string | Buffer) => ({ method: 'POST', path: '/verify', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body });
  const field = (name: string) => `--x\r\nContent-Disposition: form-data; name="${name}"\r\n\r\nv\r\n`;
  requests.push(
    { name: 'POST /verify: a multipart body without its closing delimiter', ...multipart('x', field('sha256')) },
    { name: 'POST /verify: a multipart part without a name', ...multipart('x', '--x\r\nContent-Disposition: form-data\r\n\r\nv\r\n--x--\r\n') },
    { name: 'POST /verify: multipart bytes under another boundary', ...multipart('y', `${field('sha256')}--x--\r\n`) },
    { name: 'POST /verify: multipart without a boundary', method: 'POST', path: '/verify', headers: { 'content-type': 'multipart/form-data' }, body: `${field('sha256')}--x--\r\n` },
    { name: 'POST /verify: 5 MB of one-byte multipart fields', ...multipart('x', `${field('f').repeat(Math.floor((5 * 1024 * 1024) / field('f').length))}--x--\r\n`) },
    { name: 'POST /verify: a multipart form with neither file nor SHA-256', ...multipart('x', `${field('other')}--x--\r\n`) },
    { name: 'POST /verify: a URL-encoded form', method: 'POST', path: '/verify', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'sha256=abc' },
  );
  // A body over API Gateway's 10 MB payload limit.
  requests.push({ name: 'POST /api/declarations: a body over the 10 MB payload limit', method: 'POST', path: '/api/declarations', headers: jsonHeaders(tokens.admin), body: Buffer.alloc(10 * 1024 * 1024 + 10, 0x20) });
  return requests;
}

/** Every item except rate-limit windows, which count hostile requests by design. */
async function tableSnapshot(): Promise<string[]> {
  const items: string[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await stack.db.send(new ScanCommand({ TableName: stack.tableName, ExclusiveStartKey: startKey, ConsistentRead: true }));
    for (const item of page.Items ?? []) if (!String(item.PK).startsWith('RATE#')) items.push(JSON.stringify(item, Object.keys(item).sort()));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items.sort();
}

/** A message a person can read: a JSON `message`, or an HTML page with a heading or paragraph. */
function readableMessage(contentType: string, body: string): string | undefined {
  if (contentType.includes('application/json')) {
    const message = (JSON.parse(body) as { message?: unknown }).message;
    return typeof message === 'string' && message.trim().length >= 5 ? message : undefined;
  }
  if (contentType.includes('text/html')) {
    const text = /<(h1|p)[^>]*>([^<]{5,})</.exec(body)?.[2];
    return text?.trim();
  }
  return undefined;
}

describe('hostile input across every route', () => {
  it('gets a 4xx with a readable message for each of more than 200 requests, never a 5xx, and changes nothing', async () => {
    const requests = corpus();
    expect(requests.length).toBeGreaterThanOrEqual(200);
    const before = await tableSnapshot();

    const failures: string[] = [];
    for (const request of requests) {
      const response = await fetch(`${stack.campaign.appUrl}${request.path}`, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        redirect: 'manual',
      }).catch((error: unknown) => error as Error);
      if (response instanceof Error) {
        failures.push(`${request.name}: the connection failed (${response.message})`);
        continue;
      }
      const body = await response.text();
      if (response.status < 400 || response.status > 499) {
        failures.push(`${request.name}: answered ${response.status} ${body.slice(0, 200)}`);
        continue;
      }
      if (request.method !== 'HEAD' && !readableMessage(response.headers.get('content-type') ?? '', body)) {
        failures.push(`${request.name}: ${response.status} without a readable message: ${body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await tableSnapshot()).toEqual(before);
  });
});
