import { createHash, timingSafeEqual } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ENV } from '../catalog';
import { optionalEnv } from './config';
import { readSecretString } from './secrets';

/**
 * The header CloudFront adds to every request it forwards (infra/edge.ts), holding a secret from
 * Secrets Manager. The HTTP API's own `execute-api` address stays reachable from the internet, and an
 * HTTP API takes no resource policy or WAF: this header is what tells the functions that a request
 * passed CloudFront and AWS WAF.
 */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

/**
 * Added by CloudFront itself (the AllViewerExceptHostHeader origin request policy forwards it): the
 * viewer's address and source port, `198.51.100.10:46532` or `2001:db8::1:46532`.
 */
export const VIEWER_ADDRESS_HEADER = 'cloudfront-viewer-address';

/** Whether this function runs behind CloudFront (on AWS); the local stack has no edge. */
export function behindEdge(): boolean {
  return optionalEnv(ENV.originVerifySecretId) !== undefined;
}

/**
 * Whether the request came through CloudFront: always on the local stack; behind the edge, only
 * with the origin-verify secret (compared in constant time).
 */
export async function cameThroughEdge(event: APIGatewayProxyEventV2): Promise<boolean> {
  const secretId = optionalEnv(ENV.originVerifySecretId);
  if (secretId === undefined) return true;
  const expected = await readSecretString(secretId);
  if (!expected) throw new Error(`the origin-verify secret ${secretId} is empty`);
  const presented = headerValue(event, ORIGIN_VERIFY_HEADER);
  if (presented === undefined) return false;
  // Equal-length digests: timingSafeEqual needs equal lengths, and the length must not leak either.
  return timingSafeEqual(sha256(presented), sha256(expected));
}

/**
 * The viewer's address from CloudFront's header, without the port; `undefined` when the header is
 * missing or malformed. Trust it only for a request that `cameThroughEdge`: CloudFront sets it from
 * the connection, whatever a viewer sent under that name.
 */
export function viewerAddress(event: APIGatewayProxyEventV2): string | undefined {
  const value = headerValue(event, VIEWER_ADDRESS_HEADER)?.trim();
  if (!value) return undefined;
  const portSeparator = value.lastIndexOf(':');
  if (portSeparator <= 0 || !/^\d{1,5}$/.test(value.slice(portSeparator + 1))) return undefined;
  const address = value.slice(0, portSeparator).replace(/^\[(.*)\]$/, '$1');
  return /^[0-9A-Fa-f:.]+$/.test(address) ? address : undefined;
}

function headerValue(event: APIGatewayProxyEventV2, name: string): string | undefined {
  for (const [key, value] of Object.entries(event.headers ?? {})) if (key.toLowerCase() === name) return value;
  return undefined;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();
