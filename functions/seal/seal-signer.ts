import { ENV } from '../catalog';
import { requiredEnv } from '../shared/config';
import { readSecretString } from '../shared/secrets';
import { kmsSigner } from './kms-signer';
import { certificatesFromPem, type SealSigner } from './signer';

/**
 * The Commission's seal: the KMS key named by SEAL_KEY_ID, and its certificate chain (PEM) kept in the
 * secret named by SEAL_CERTIFICATE_SECRET_ID as `{"certificateChainPem": "..."}`, read again after
 * SECRET_MAX_AGE_SECONDS so that a renewed certificate is used without a redeploy.
 */
export async function loadSealSigner(): Promise<SealSigner> {
  const keyId = requiredEnv(ENV.sealKeyId);
  const secret = await readSecretString(requiredEnv(ENV.sealCertificateSecretId));
  // The same secret gives the same signer: what is derived from its chain is kept by the chain (cades.ts), once per container.
  if (loaded && loaded.keyId === keyId && loaded.secret === secret) return loaded.signer;
  let parsed: { certificateChainPem?: unknown };
  try {
    parsed = JSON.parse(secret ?? '') as typeof parsed;
  } catch (error) {
    throw new Error('the seal certificate secret is not JSON of the form {"certificateChainPem": "-----BEGIN CERTIFICATE-----..."}', { cause: error });
  }
  const chain = typeof parsed?.certificateChainPem === 'string' ? certificatesFromPem(parsed.certificateChainPem) : [];
  if (chain.length === 0) {
    throw new Error('the seal certificate is not provisioned yet: put the Commission\'s certificate chain for the KMS seal key into the seal certificate secret (see docs/operations.md#the-seal-key)');
  }
  const signer = kmsSigner(keyId, chain);
  loaded = { keyId, secret, signer };
  return signer;
}

let loaded: { readonly keyId: string; readonly secret: string | undefined; readonly signer: SealSigner } | undefined;
