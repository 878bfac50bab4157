import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ENV } from '../catalog';
import { requiredEnv } from '../shared/config';
import type { SealKey } from '../pdf/seal';

let cached: Promise<SealKey> | undefined;

/**
 * The Commission's seal key: a PKCS#12 kept in Secrets Manager as
 * `{"p12Base64": "...", "passphrase": "..."}`, read once per Lambda container.
 */
export function loadSealKey(): Promise<SealKey> {
  cached ??= readSealKey().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function readSealKey(): Promise<SealKey> {
  const client = new SecretsManagerClient({});
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: requiredEnv(ENV.sealKeySecretId) }));
  if (!SecretString) throw new Error('the seal key secret is empty');
  let parsed: { p12Base64?: unknown; passphrase?: unknown };
  try {
    parsed = JSON.parse(SecretString) as typeof parsed;
  } catch {
    throw new Error('the seal key secret is not JSON of the form {"p12Base64": "...", "passphrase": "..."}');
  }
  if (typeof parsed.p12Base64 !== 'string' || typeof parsed.passphrase !== 'string') {
    throw new Error('the seal key secret needs string fields p12Base64 and passphrase');
  }
  if (parsed.p12Base64.length === 0) throw new Error('the seal key is not provisioned yet: put the Commission\'s PKCS#12 into the seal key secret (see README)');
  return { p12: Buffer.from(parsed.p12Base64, 'base64'), passphrase: parsed.passphrase };
}
