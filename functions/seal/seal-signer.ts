import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ENV } from '../catalog';
import { requiredEnv } from '../shared/config';
import { kmsSigner } from './kms-signer';
import { certificatesFromPem, type SealSigner } from './signer';

let cached: Promise<SealSigner> | undefined;

/**
 * The Commission's seal: the KMS key named by SEAL_KEY_ID, and its certificate chain (PEM) kept in the
 * secret named by SEAL_CERTIFICATE_SECRET_ID as `{"certificateChainPem": "..."}`. Read once per container.
 */
export function loadSealSigner(): Promise<SealSigner> {
  cached ??= readSealSigner().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function readSealSigner(): Promise<SealSigner> {
  const keyId = requiredEnv(ENV.sealKeyId);
  const client = new SecretsManagerClient({});
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: requiredEnv(ENV.sealCertificateSecretId) }));
  let parsed: { certificateChainPem?: unknown };
  try {
    parsed = JSON.parse(SecretString ?? '') as typeof parsed;
  } catch (error) {
    throw new Error('the seal certificate secret is not JSON of the form {"certificateChainPem": "-----BEGIN CERTIFICATE-----..."}', { cause: error });
  }
  const chain = typeof parsed.certificateChainPem === 'string' ? certificatesFromPem(parsed.certificateChainPem) : [];
  if (chain.length === 0) {
    throw new Error('the seal certificate is not provisioned yet: put the Commission\'s certificate chain for the KMS seal key into the seal certificate secret (see README)');
  }
  return kmsSigner(keyId, chain);
}
