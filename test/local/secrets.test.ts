import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENV } from '../../functions/catalog';
import { loadSealSigner } from '../../functions/seal/seal-signer';
import { createDevelopmentSeal, type DevelopmentSeal } from '../../functions/seal/in-memory-signer';
import { certificateToPem } from '../../functions/seal/signer';
import { SECRET_MAX_AGE_SECONDS } from '../../functions/shared/secrets';
import { loadSigningKey } from '../../functions/shared/signing-key';
import { LOCAL_CREDENTIALS, LOCAL_REGION, freePort } from '../../infra/local/aws-local';
import { startLocalSecretsManager, type LocalSecretsManager } from '../../infra/local/secrets-manager';

/** What the local Secrets Manager holds; changed in place to rotate a secret. */
const secrets: Record<string, string> = {};
let secretsManager: LocalSecretsManager;
let seals: [DevelopmentSeal, DevelopmentSeal];

beforeAll(async () => {
  secretsManager = await startLocalSecretsManager({ port: await freePort(), secrets });
  // The functions find the local endpoint as a Lambda would find AWS: through the SDK's standard variables.
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsManager.url,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    [ENV.sealKeyId]: 'test-seal',
  });
  seals = [await createDevelopmentSeal(), await createDevelopmentSeal({ commonName: 'Renewed seal', organization: 'European Commission (development)', country: 'BE' })];
}, 60_000);

afterAll(() => secretsManager?.stop());
afterEach(() => vi.useRealTimers());

/** Each test reads secrets of its own, so that what another test cached does not answer for it. */
function useSecret(variable: string, secretId: string, value: string): void {
  secrets[secretId] = value;
  process.env[variable] = secretId;
}

const key = (character: string) => character.repeat(43);

describe('the signing key secret', () => {
  it('is read through AWS_ENDPOINT_URL_SECRETS_MANAGER, kept for five minutes, and read again once rotated', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-01T10:00:00Z') });
    useSecret(ENV.signingKeySecretId, 'signing-key-rotated', JSON.stringify({ key: key('a') }));
    expect(await loadSigningKey()).toBe(key('a'));

    secrets['signing-key-rotated'] = JSON.stringify({ key: key('b') });
    vi.setSystemTime(new Date(Date.now() + (SECRET_MAX_AGE_SECONDS - 1) * 1000));
    expect(await loadSigningKey()).toBe(key('a'));

    vi.setSystemTime(new Date(Date.now() + 2000));
    expect(await loadSigningKey()).toBe(key('b'));
  });

  it('that is not JSON of a long enough key is refused with a message that says what it must be', async () => {
    useSecret(ENV.signingKeySecretId, 'signing-key-not-json', 'plain text');
    await expect(loadSigningKey()).rejects.toThrow('the signing key secret is not JSON of the form {"key": "..."}');
    useSecret(ENV.signingKeySecretId, 'signing-key-short', JSON.stringify({ key: 'short' }));
    await expect(loadSigningKey()).rejects.toThrow('the signing key secret needs a "key" of at least 32 characters');
    useSecret(ENV.signingKeySecretId, 'signing-key-null', 'null');
    await expect(loadSigningKey()).rejects.toThrow('the signing key secret is not JSON of the form {"key": "..."}');
  });

  it('that does not exist fails with Secrets Manager\'s own error, and is read once it does', async () => {
    process.env[ENV.signingKeySecretId] = 'signing-key-later';
    await expect(loadSigningKey()).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    secrets['signing-key-later'] = JSON.stringify({ key: key('c') });
    expect(await loadSigningKey()).toBe(key('c'));
  });
});

describe('the seal certificate secret', () => {
  it('gives the signer its chain, and a renewed certificate once five minutes have passed', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-01T10:00:00Z') });
    const [current, renewed] = seals;
    useSecret(ENV.sealCertificateSecretId, 'seal-renewed', JSON.stringify({ certificateChainPem: certificateToPem(current.certificateDer) }));
    expect((await loadSealSigner()).certificateChain).toEqual([current.certificateDer]);

    secrets['seal-renewed'] = JSON.stringify({ certificateChainPem: certificateToPem(renewed.certificateDer) + certificateToPem(current.certificateDer) });
    expect((await loadSealSigner()).certificateChain).toEqual([current.certificateDer]);

    vi.setSystemTime(new Date(Date.now() + (SECRET_MAX_AGE_SECONDS + 1) * 1000));
    expect((await loadSealSigner()).certificateChain).toEqual([renewed.certificateDer, current.certificateDer]);
  });

  it('that is not JSON, or holds no certificate yet, is refused with a message that says what to do', async () => {
    useSecret(ENV.sealCertificateSecretId, 'seal-not-json', '-----BEGIN CERTIFICATE-----');
    await expect(loadSealSigner()).rejects.toThrow('the seal certificate secret is not JSON of the form {"certificateChainPem": "-----BEGIN CERTIFICATE-----..."}');
    useSecret(ENV.sealCertificateSecretId, 'seal-not-provisioned', JSON.stringify({ certificateChainPem: '' }));
    await expect(loadSealSigner()).rejects.toThrow('the seal certificate is not provisioned yet');
  });
});
