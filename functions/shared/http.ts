import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError } from '../domain/errors';
import type * as z from '../domain/zod';
import { describeIssues, fieldProblems, type DescribePlace } from '../domain/text';
import { behindEdge, viewerAddress } from './edge';

export type HttpResponse = APIGatewayProxyStructuredResultV2 & { statusCode: number; headers: Record<string, string> };

/** Headers every answer carries: no referrer leaks the link, no framing, no sniffing. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export function json(statusCode: number, body: unknown): HttpResponse {
  return {
    statusCode,
    headers: { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'content-security-policy': "default-src 'none'; frame-ancestors 'none'" },
    body: JSON.stringify(body),
  };
}

export function page(statusCode: number, markup: string, csp = PAGE_CSP): HttpResponse {
  return {
    statusCode,
    headers: { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp },
    body: markup,
  };
}

export function binary(contentType: string, bytes: Uint8Array, filename: string): HttpResponse {
  return {
    statusCode: 200,
    headers: {
      ...SECURITY_HEADERS,
      'content-type': contentType,
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
    headers: { ...SECURITY_HEADERS, 'content-type': contentType, 'content-security-policy': "default-src 'none'; frame-ancestors 'none'", ...headers },
    body,
  };
}
