import { GetParameterError } from '@aws-lambda-powertools/parameters/errors';
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';

/**
 * How long a container keeps a secret before reading it again: a rotated secret (a new seal
 * certificate, a new signing key) is in use everywhere within five minutes, without a redeploy.
 */
export const SECRET_MAX_AGE_SECONDS = 300;

/**
 * A Secrets Manager secret's string, through Powertools Parameters (cached for SECRET_MAX_AGE_SECONDS).
 * Its client is the SDK's, so the endpoint comes from AWS_ENDPOINT_URL_SECRETS_MANAGER when set (the
 * local stack). Undefined for a binary secret, which none of ours is.
 */
export async function readSecretString(secretId: string): Promise<string | undefined> {
  try {
    const value = await getSecret(secretId, { maxAge: SECRET_MAX_AGE_SECONDS });
    return typeof value === 'string' ? value : undefined;
  } catch (error) {
    // The SDK's own error (throttling, not found, unreachable), so that retries and logs judge it as before.
    if (error instanceof GetParameterError && error.cause !== undefined) throw error.cause;
    throw error;
  }
}
