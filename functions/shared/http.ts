import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError } from '../domain/errors';
import type * as z from '../domain/zod';
import { describeIssues, fieldProblems, type DescribePlace } from '../domain/text';
import { ENV } from '../catalog';
import { optionalEnv } from './config';
import { behindEdge, viewerAddress } from './edge';

export type HttpResponse = APIGatewayProxyStructuredResultV2 & { statusCode: number; headers: Record<string, string> };

/**
 * Headers every answer carries: no referrer leaks the link, no framing, no sniffing, no powerful
 * feature the product never uses, no window or other site sharing this origin's process, nothing of
 * ours embedded by another site. HSTS is added by `securityHeaders()` where the deployment is HTTPS.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
  'permissions-policy': [
    'accelerometer', 'autoplay', 'browsing-topics', 'camera', 'display-capture', 'encrypted-media', 'fullscreen',
    'geolocation', 'gyroscope', 'hid', 'idle-detection', 'interest-cohort', 'magnetometer', 'microphone', 'midi',
    'payment', 'picture-in-picture', 'publickey-credentials-get', 'screen-wake-lock', 'serial', 'usb', 'xr-spatial-tracking',
  ].map((feature) => `${feature}=()`).join(', '),
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** Two years, subdomains included: the value the HSTS preload list asks for. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

/** The deployment serves HTTPS (AWS); the local stack serves plain HTTP on 127.0.0.1, where HSTS would be ignored or pin localhost. */
export function isHttps(): boolean {
  return (optionalEnv(ENV.appUrl) ?? '').startsWith('https://');
}

/** The headers of every answer: `SECURITY_HEADERS`, and HSTS where the deployment is HTTPS. */
export function securityHeaders(): Record<string, string> {
  return { ...SECURITY_HEADERS, ...(isHttps() ? { 'strict-transport-security': STRICT_TRANSPORT_SECURITY } : {}) };
}

/** What a JSON or text answer may load: nothing, and it is framed nowhere. */
export const DATA_CSP = "default-src 'none'; frame-ancestors 'none'";

export function json(statusCode: number, body: unknown): HttpResponse {
  return {
    statusCode,
    headers: { ...securityHeaders(), 'content-type': 'application/json; charset=utf-8', 'content-security-policy': DATA_CSP },
    body: JSON.stringify(body),
  };
}

/** An HTML page under its own policy (each page allows its style and script by hash, never inline). */
export function page(statusCode: number, markup: string, csp: string): HttpResponse {
  return {
    statusCode,
    headers: { ...securityHeaders(), 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp },
    body: markup,
  };
}

export function binary(contentType: string, bytes: Uint8Array, filename: string): HttpResponse {
  return {
    statusCode: 200,
    headers: {
      ...securityHeaders(),
      'content-type': contentType,
      'content-security-policy': DATA_CSP,
      'content-disposition': `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      'content-length': String(bytes.length),
    },
    body: Buffer.from(bytes).toString('base64'),
    isBase64Encoded: true,
  };
}

/** The request body as text, whatever API Gateway did with it. */
export function bodyText(event: APIGatewayProxyEventV2): string {
  if (!event.body) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

function header(event: APIGatewayProxyEventV2, name: string): string {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) if (key.toLowerCase() === wanted) return value ?? '';
  return '';
}

export const MAX_JSON_BYTES = 2_000_000;

/**
 * Parses and validates a JSON body; bad input becomes a DomainError with a message per problem,
 * each naming its field in words when `place` says where a path points.
 */
export function parseJsonBody<S extends z.ZodMiniType>(event: APIGatewayProxyEventV2, schema: S, maxBytes = MAX_JSON_BYTES, place?: DescribePlace): z.output<S> {
  if (!header(event, 'content-type').toLowerCase().startsWith('application/json')) {
    throw new DomainError('INVALID_INPUT', 'Send the request body as JSON with Content-Type: application/json.');
  }
  const text = bodyText(event);
  if (text.length > maxBytes) throw new DomainError('INVALID_INPUT', `The request body is larger than ${maxBytes} bytes.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DomainError('INVALID_INPUT', 'The request body is not valid JSON.', [], { cause: error });
  }
  return validate(schema, value, place);
}

export function validate<S extends z.ZodMiniType>(schema: S, value: unknown, place?: DescribePlace): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const fields = fieldProblems(result.error, place);
    throw new DomainError('INVALID_INPUT', 'The request is not valid.', fields.map((problem) => problem.message), { fields });
  }
  return result.data;
}

export const MAX_FORM_BYTES = 64_000;

/** Parses an HTML form post (application/x-www-form-urlencoded); repeated fields become arrays. */
export function parseFormBody(event: APIGatewayProxyEventV2): Map<string, string[]> {
  if (!header(event, 'content-type').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    throw new DomainError('INVALID_INPUT', 'Send the form from the signing page.');
  }
  const text = bodyText(event);
  if (text.length > MAX_FORM_BYTES) throw new DomainError('INVALID_INPUT', 'The form is larger than this page can send.');
  const fields = new Map<string, string[]>();
  for (const [key, value] of new URLSearchParams(text)) fields.set(key, [...(fields.get(key) ?? []), value]);
  return fields;
}

/**
 * The address the signing pages' rate limits key on (hashed). Behind CloudFront the connection comes
 * from an edge server, so the viewer's address is CloudFront's own header, which a viewer cannot set
 * (not X-Forwarded-For, whose left-most entries the viewer writes); the local stack has no edge and
 * takes the connection's address.
 */
export function clientAddress(event: APIGatewayProxyEventV2): string {
  const connection = event.requestContext?.http?.sourceIp ?? 'unknown';
  return behindEdge() ? viewerAddress(event) ?? connection : connection;
}

/** Validates the query string; unknown or bad parameters become a DomainError naming each. */
export function parseQuery<S extends z.ZodMiniType>(event: APIGatewayProxyEventV2, schema: S): z.output<S> {
  return validate(schema, event.queryStringParameters ?? {});
}

export function text(statusCode: number, contentType: string, body: string, headers: Record<string, string> = {}): HttpResponse {
  return {
    statusCode,
    headers: { ...securityHeaders(), 'content-type': contentType, 'content-security-policy': DATA_CSP, ...headers },
    body,
  };
}
