import { ENV } from '../catalog';
import { requiredEnv } from './config';
import { readSecretString } from './secrets';

/**
 * The key of the signing pages' HMACs (one-time code hashes, anti-CSRF tokens, client address
 * hashes): a Secrets Manager secret `{"key": "..."}` that CloudFormation generates, read again
 * after SECRET_MAX_AGE_SECONDS. Locally it is generated into the data directory on first start.
 */
export async function loadSigningKey(): Promise<string> {
  const secret = await readSecretString(requiredEnv(ENV.signingKeySecretId));
  let key: unknown;
  try {
    key = (JSON.parse(secret ?? '') as { key?: unknown }).key;
  } catch (error) {
    throw new Error('the signing key secret is not JSON of the form {"key": "..."}', { cause: error });
  }
  if (typeof key !== 'string' || key.length < 32) throw new Error('the signing key secret needs a "key" of at least 32 characters');
  return key;
}
