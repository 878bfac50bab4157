import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ENV } from '../catalog';
import { requiredEnv } from './config';

let cached: Promise<string> | undefined;

/**
 * The key of the signing pages' HMACs (one-time code hashes, anti-CSRF tokens, client address
 * hashes): a Secrets Manager secret `{"key": "..."}` that CloudFormation generates, read once per
 * Lambda container. Locally it is generated into the data directory on first start.
 */
export function loadSigningKey(): Promise<string> {
  cached ??= readSigningKey().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function readSigningKey(): Promise<string> {
  const { SecretString } = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: requiredEnv(ENV.signingKeySecretId) }));
  let key: unknown;
  try {
    key = (JSON.parse(SecretString ?? '') as { key?: unknown }).key;
  } catch (error) {
    throw new Error('the signing key secret is not JSON of the form {"key": "..."}', { cause: error });
  }
  if (typeof key !== 'string' || key.length < 32) throw new Error('the signing key secret needs a "key" of at least 32 characters');
  return key;
}
