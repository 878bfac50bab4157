import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../functions/catalog';
import { httpHandler } from '../../functions/shared/api-handler';
import { ORIGIN_VERIFY_HEADER, VIEWER_ADDRESS_HEADER } from '../../functions/shared/edge';
import { clientAddress, json } from '../../functions/shared/http';
import { LOCAL_CREDENTIALS, LOCAL_REGION, freePort } from '../../infra/local/aws-local';
import { startLocalSecretsManager, type LocalSecretsManager } from '../../infra/local/secrets-manager';

/**
 * On AWS every API function runs behind CloudFront with ORIGIN_VERIFY_SECRET_ID set (infra/edge.ts);
 * on the local stack it is unset. The secret comes from the local Secrets Manager, as on Lambda.
 */
const secrets: Record<string, string> = {};
let secretsManager: LocalSecretsManager;

beforeAll(async () => {
  secretsManager = await startLocalSecretsManager({ port: await freePort(), secrets });
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsManager.url,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
  });
});
afterAll(() => secretsManager?.stop());
afterEach(() => {
  delete process.env[ENV.originVerifySecretId];
});

const SECRET = 'x'.repeat(20) + 'origin-verify-secret-of-this-test' + 'y'.repeat(11);

/** Behind the edge, with a secret of its own (the cache is per secret id). */
function behindTheEdge(secretId: string): void {
  secrets[secretId] = SECRET;
  process.env[ENV.originVerifySecretId] = secretId;
}

/** A public route whose operation answers with the address the rate limits would key on. */
const handler = httpHandler(async (event) => json(200, { address: clientAddress(event) }));

function request(headers: Record<string, string>): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'GET /verify',
    rawPath: '/verify',
    rawQueryString: '',
    headers,
    requestContext: {
      accountId: '000000000000', apiId: 'api', domainName: 'api.execute-api.eu-west-1.amazonaws.com', domainPrefix: 'api',
      http: { method: 'GET', path: '/verify', protocol: 'HTTP/1.1', sourceIp: '130.176.1.1', userAgent: 'test' },
      requestId: 'request', routeKey: 'GET /verify', stage: '$default', time: '', timeEpoch: 0,
    },
    isBase64Encoded: false,
  };
}

async function call(headers: Record<string, string>): Promise<{ status: number; body: { address?: string; message?: string } }> {
  const result = (await handler(request(headers))) as APIGatewayProxyStructuredResultV2;
  return { status: result.statusCode!, body: JSON.parse(result.body ?? '{}') };
}

describe('behind CloudFront (AWS)', () => {
  it('refuses a request without the origin-verify secret, or with a wrong one, and says where to go', async () => {
    behindTheEdge('origin-verify-refuses');
    for (const headers of [{} as Record<string, string>, { [ORIGIN_VERIFY_HEADER]: '' }, { [ORIGIN_VERIFY_HEADER]: `${SECRET}z` }, { [ORIGIN_VERIFY_HEADER]: SECRET.slice(1) }]) {
      const answer = await call(headers);
      expect(answer.status).toBe(403);
      expect(answer.body.message).toMatch(/public web address/);
      expect(answer.body.address).toBeUndefined();
    }
  });

  it('serves a request that carries the secret, whatever the case of the header name', async () => {
    behindTheEdge('origin-verify-admits');
    expect((await call({ [ORIGIN_VERIFY_HEADER]: SECRET, [VIEWER_ADDRESS_HEADER]: '198.51.100.10:46532' })).status).toBe(200);
    expect((await call({ 'X-Origin-Verify': SECRET, [VIEWER_ADDRESS_HEADER]: '198.51.100.10:46532' })).status).toBe(200);
  });

  it('keys rate limits on the viewer\'s address from CloudFront, not on X-Forwarded-For or the edge server\'s address', async () => {
    behindTheEdge('origin-verify-viewer');
    const through = (viewer: string) => call({ [ORIGIN_VERIFY_HEADER]: SECRET, [VIEWER_ADDRESS_HEADER]: viewer, 'x-forwarded-for': '203.0.113.99, 130.176.1.1' });
    expect((await through('198.51.100.10:46532')).body.address).toBe('198.51.100.10');
    expect((await through('2001:db8:85a3::8a2e:370:7334:46532')).body.address).toBe('2001:db8:85a3::8a2e:370:7334');
    // Without a usable header (never sent by CloudFront with this origin request policy) the connection's address remains.
    expect((await through('not an address')).body.address).toBe('130.176.1.1');
  });
});

describe('on the local stack (no edge)', () => {
  it('serves requests without the secret and keys on the connection\'s address, whatever a client claims', async () => {
    const answer = await call({ [VIEWER_ADDRESS_HEADER]: '198.51.100.10:46532' });
    expect(answer.status).toBe(200);
    expect(answer.body.address).toBe('130.176.1.1');
  });
});
