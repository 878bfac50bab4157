import { ENV } from '../catalog';
import { requiredEnv } from '../shared/config';
import { readSecretString } from '../shared/secrets';
import { certificatesFromPem } from './signer';
import type { TrustSettings } from './validation/trust-settings';

/**
 * What this deployment trusts when it checks a seal, from the secret named by SEAL_CERTIFICATE_SECRET_ID
 * (`{"certificateChainPem": "...", "timestampTrustPem": "..."}`): the last certificate of the seal chain (its
 * root, or the seal certificate itself when self-signed) and the timestamp authorities' certificates.
 */
export async function loadSealTrust(): Promise<TrustSettings> {
  const secret = await readSecretString(requiredEnv(ENV.sealCertificateSecretId));
  // The same secret gives the same anchors, so that what is derived from them is kept from one check to the next.
  if (loaded && loaded.secret === secret) return loaded.trust;
  let parsed: { certificateChainPem?: unknown; timestampTrustPem?: unknown };
  try {
    parsed = JSON.parse(secret ?? '') as typeof parsed;
  } catch (error) {
    throw new Error('the seal certificate secret is not JSON of the form {"certificateChainPem": "...", "timestampTrustPem": "..."}', { cause: error });
  }
  const chain = typeof parsed?.certificateChainPem === 'string' ? certificatesFromPem(parsed.certificateChainPem) : [];
  const timestampAnchors = typeof parsed?.timestampTrustPem === 'string' ? certificatesFromPem(parsed.timestampTrustPem) : [];
  const trust = { sealAnchors: chain.slice(-1), timestampAnchors };
  loaded = { secret, trust };
  return trust;
}

let loaded: { readonly secret: string | undefined; readonly trust: TrustSettings } | undefined;
