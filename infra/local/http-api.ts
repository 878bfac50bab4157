import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { closeServer, listenLocally } from './aws-local';
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { GROUPS, ROUTES, type Group, type RouteSpec } from '../../functions/catalog';
import { jsonError, statusOf } from '../../functions/shared/api-handler';
import { securityHeaders } from '../../functions/shared/http';
import { decodePathSegment, pathParameterRefusal } from '../../functions/shared/path-parameters';
import { ICON_DATA_URI } from '../../templates/icon';
import { scopeRefusal, scopesOf, type LocalIdentityIssuer } from './identity';
import type { UsageMeter } from './usage-meter';

export type HttpLambdaHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyResultV2>;

/**
 * A local-only endpoint under `/local/` (fault controls, event injection): answers with a JSON
 * body, or `undefined` when the path is not its own.
 */
export type LocalEndpoint = (request: { readonly method: string; readonly path: string; readonly query: URLSearchParams; body(): Promise<Buffer> }) =>
  Promise<{ readonly status: number; readonly body: unknown } | undefined>;

export interface LocalHttpApiOptions {
  readonly port: number;
  readonly host?: string;
  /** The handler of each route, by catalog function id. */
  readonly loadHandler: (functionId: RouteSpec['functionId']) => Promise<HttpLambdaHandler>;
  readonly identity: LocalIdentityIssuer;
  /** Served at `GET /local/usage` (and reset by `POST /local/usage/reset`) when given. */
  readonly usage?: UsageMeter;
  /** More local-only endpoints under `/local/`, tried in order. */
  readonly localEndpoints?: readonly LocalEndpoint[];
}

export interface LocalHttpApi {
  readonly url: string;
  stop(): Promise<void>;
}

/** API Gateway's HTTP API payload limit. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const TEXT_TYPES = /^(text\/|application\/(json|x-www-form-urlencoded|xml|javascript))/i;

export interface CompiledRoute {
  readonly spec: RouteSpec;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

function compile(spec: RouteSpec): CompiledRoute {
  const names: string[] = [];
  const source = spec.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { spec, pattern: new RegExp(`^${source}$`), names };
}

/**
 * A local stand-in for API Gateway's HTTP API: matches the catalog's routes, checks bearer
 * tokens on protected routes as the JWT authorizer does, and hands the same payload-2.0 events
 * to the same handlers.
 */
export async function startLocalHttpApi(options: LocalHttpApiOptions): Promise<LocalHttpApi> {
  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      process.stderr.write(`local HTTP API: ${(error as Error).stack ?? String(error)}\n`);
      if (!response.headersSent) send(response, 500, { 'content-type': 'application/json' }, JSON.stringify({ message: 'Internal Server Error' }));
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://local');
    const method = (request.method ?? 'GET').toUpperCase();
    // The stack's own answers (unknown route, 401, 413, /local/) carry the product's headers;
    // a function's answer replaces them with its own (sendResult), so a handler that forgot one shows.
    for (const [name, value] of Object.entries(securityHeaders())) response.setHeader(name, value);
    if (url.pathname.startsWith('/local/')) return localIdentityRoutes(url, method, request, response);
    const matched = matchRoute(method, url.pathname);
    if (!matched) return send(response, 404, { 'content-type': 'application/json' }, JSON.stringify({ message: 'Not Found' }));
    // A parameter whose percent-encoding is malformed is refused before anything else. A page is
    // handed to its function, whose frame refuses it first as its own page (all pages are public);
    // the JSON API answers here, before the token is checked, as its function's frame would.
    if (matched.malformed && matched.route.spec.path.startsWith('/api/')) {
      const refusal = pathParameterRefusal(matched.pathParameters);
      if (refusal) return sendResult(response, method, jsonError(statusOf(refusal), refusal));
    }
    const body = await readBody(request);
    if (body === 'too-large') return send(response, 413, { 'content-type': 'application/json' }, JSON.stringify({ message: 'Request Entity Too Large' }));
    let claims: Record<string, unknown> | undefined;
    if (matched.route.spec.access !== 'public') {
      const header = String(request.headers.authorization ?? '');
      const token = header.replace(/^Bearer\s+/i, '');
      try {
        claims = token ? { ...(await options.identity.verify(token)) } : undefined;
      } catch {
        claims = undefined;
      }
      if (!claims) return send(response, 401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' }, JSON.stringify({ message: 'Unauthorized' }));
      const refusal = scopeRefusal(claims, matched.route.spec.access);
      if (refusal) return send(response, 403, { 'content-type': 'application/json', 'www-authenticate': refusal.challenge }, JSON.stringify({ message: refusal.message, code: 'FORBIDDEN' }));
    }
    const event = toEvent({ headers: request.headers, sourceIp: request.socket.remoteAddress ?? '127.0.0.1' }, url, method, matched, body, claims);
    const handler = await options.loadHandler(matched.route.spec.functionId);
    sendResult(response, method, await handler(event));
  }

  function sendResult(response: ServerResponse, method: string, answer: APIGatewayProxyResultV2): void {
    const result = normalise(answer);
    for (const name of Object.keys(securityHeaders())) response.removeHeader(name);
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(result.headers ?? {})) headers[key.toLowerCase()] = String(value);
    const payload = result.body === undefined ? Buffer.alloc(0) : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8');
    const cookies = result.cookies ?? [];
    if (cookies.length > 0) response.setHeader('set-cookie', cookies);
    send(response, result.statusCode ?? 200, headers, method === 'HEAD' ? Buffer.alloc(0) : payload, payload.length);
  }

  async function localIdentityRoutes(url: URL, method: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const group = url.searchParams.get('group') as Group | null;
    if (url.pathname === '/local/sign-in' && method === 'GET') {
      if (group && (GROUPS as readonly string[]).includes(group)) {
        const token = await options.identity.issue({ group });
        return send(response, 302, { location: `/console#token=${encodeURIComponent(token)}`, 'referrer-policy': 'no-referrer' }, '');
      }
      const links = GROUPS.map((name) => `<li><a href="/local/sign-in?group=${name}">Sign in as ${name}</a></li>`).join('');
      return send(response, 200, { 'content-type': 'text/html; charset=utf-8' }, `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" type="image/svg+xml" href="${ICON_DATA_URI}"><title>Development sign-in</title></head><body><h1>Development sign-in</h1><p>Local stack only: pick a role.</p><ul>${links}</ul></body></html>`);
    }
    if (url.pathname === '/local/usage' && method === 'GET' && options.usage) {
      return send(response, 200, { 'content-type': 'application/json' }, JSON.stringify(options.usage.snapshot()));
    }
    if (url.pathname === '/local/usage/reset' && method === 'POST' && options.usage) {
      options.usage.reset();
      return send(response, 204, {}, '');
    }
    if (url.pathname === '/local/token' && method === 'POST') {
      const body = await readBody(request);
      let requested: { group?: string; groups?: unknown; email?: string; name?: string; sub?: string; expiresInSeconds?: number; scopes?: unknown; tokenUse?: unknown } = {};
      try {
        requested = JSON.parse(body === 'too-large' ? '{}' : body.toString('utf8') || '{}') as typeof requested;
      } catch {
        return send(response, 400, { 'content-type': 'application/json' }, JSON.stringify({ message: 'body must be JSON' }));
      }
      if (!requested.group || !(GROUPS as readonly string[]).includes(requested.group)) {
        return send(response, 400, { 'content-type': 'application/json' }, JSON.stringify({ message: `group must be one of ${GROUPS.join(', ')}` }));
      }
      // `groups` (possibly empty) overrides the groups claim: a signed-in user in no group, for tests of refusal.
      const groups = Array.isArray(requested.groups) ? requested.groups.filter((value): value is Group => (GROUPS as readonly string[]).includes(String(value))) : undefined;
      // `scopes`: what the client asks for (the console's scopes by default); `tokenUse: "id"`: the ID token, which the API refuses.
      const scopes = Array.isArray(requested.scopes) ? requested.scopes.map(String) : undefined;
      const tokenUse = requested.tokenUse === 'id' ? 'id' : 'access';
      const token = await options.identity.issue({ group: requested.group as Group, groups, email: requested.email, name: requested.name, sub: requested.sub, scopes }, requested.expiresInSeconds ?? 3600, tokenUse);
      return send(response, 200, { 'content-type': 'application/json' }, JSON.stringify({ token }));
    }
    for (const endpoint of options.localEndpoints ?? []) {
      const answer = await endpoint({ method, path: url.pathname, query: url.searchParams, body: () => readBody(request).then((body) => (body === 'too-large' ? Buffer.alloc(0) : body)) });
      if (answer) return send(response, answer.status, { 'content-type': 'application/json' }, JSON.stringify(answer.body));
    }
    send(response, 404, { 'content-type': 'application/json' }, JSON.stringify({ message: 'Not Found' }));
  }

  const url = await listenLocally(server, options.port, options.host);
  return { url, stop: () => closeServer(server) };
}

const COMPILED_ROUTES = ROUTES.map(compile);

export interface MatchedRoute {
  readonly route: CompiledRoute;
  readonly pathParameters: Record<string, string>;
  /** A parameter's percent-encoding could not be decoded: it is handed on as it came, still encoded. */
  readonly malformed: boolean;
}

/** The catalog route a request goes to, with its path parameters, as API Gateway matches it. */
export function matchRoute(method: string, path: string): MatchedRoute | undefined {
  for (const route of COMPILED_ROUTES) {
    if (route.spec.method !== method) continue;
    const match = route.pattern.exec(path);
    if (!match) continue;
    const pathParameters: Record<string, string> = {};
    let malformed = false;
    route.names.forEach((name, index) => {
      const raw = match[index + 1] ?? '';
      const decoded = decodePathSegment(raw);
      if (decoded === undefined) malformed = true;
      pathParameters[name] = decoded ?? raw;
    });
    return { route, pathParameters, malformed };
  }
  return undefined;
}

function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** The payload-2.0 event API Gateway hands a function for a request (claims as its JWT authorizer passes them). */
export function toEvent(
  request: { readonly headers: IncomingHttpHeaders; readonly sourceIp: string },
  url: URL,
  method: string,
  matched: Pick<MatchedRoute, 'route' | 'pathParameters'>,
  body: Buffer,
  claims: Record<string, unknown> | undefined,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined && key !== 'cookie') headers[key] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) query[key] = query[key] === undefined ? value : `${query[key]},${value}`;
  const contentType = headers['content-type'] ?? '';
  const isText = body.length === 0 || TEXT_TYPES.test(contentType);
  const cookies = request.headers.cookie ? request.headers.cookie.split(/;\s*/) : undefined;
  const routeKey = `${matched.route.spec.method} ${matched.route.spec.path}`;
  const now = new Date();
  const event = {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    cookies,
    headers,
    queryStringParameters: Object.keys(query).length > 0 ? query : undefined,
    pathParameters: Object.keys(matched.pathParameters).length > 0 ? matched.pathParameters : undefined,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: request.sourceIp, userAgent: headers['user-agent'] ?? '' },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      ...(claims ? { authorizer: { jwt: { claims: flattenClaims(claims), scopes: scopesOf(claims).length > 0 ? scopesOf(claims) : null } } } : {}),
    },
    body: body.length === 0 ? undefined : isText ? body.toString('utf8') : body.toString('base64'),
    isBase64Encoded: !isText,
  };
  return event as unknown as APIGatewayProxyEventV2;
}

/** API Gateway passes array claims as "[a b]" strings; do the same so the parsing code is exercised. */
function flattenClaims(claims: Record<string, unknown>): Record<string, string | number | boolean> {
  const flat: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(claims)) {
    flat[key] = Array.isArray(value) ? `[${value.join(' ')}]` : typeof value === 'object' ? JSON.stringify(value) : (value as string | number | boolean);
  }
  return flat;
}

function normalise(result: APIGatewayProxyResultV2): APIGatewayProxyStructuredResultV2 {
  if (typeof result === 'string') return { statusCode: 200, body: result, headers: { 'content-type': 'application/json' } };
  if (typeof result === 'object' && result !== null && 'statusCode' in result) return result;
  return { statusCode: 200, body: JSON.stringify(result), headers: { 'content-type': 'application/json' } };
}

function send(response: ServerResponse, status: number, headers: Record<string, string>, body: Buffer | string, length?: number): void {
  const payload = typeof body === 'string' ? Buffer.from(body) : body;
  response.writeHead(status, { ...headers, 'content-length': String(length ?? payload.length) });
  response.end(payload);
}
