import { createPrivateKey, createPublicKey, generateKeyPairSync, privateEncrypt, constants, type KeyObject } from 'node:crypto';
import { keyAlgorithmOf, type SealSigner } from './signer';
import { createSelfSignedCertificate, type DistinguishedName } from './x509-builder';

/** DER prefix of a PKCS#1 DigestInfo for SHA-256 (RFC 8017, section 9.2, note 1). */
const SHA256_DIGEST_INFO_PREFIX = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * Signs a precomputed SHA-256 digest with an RSA private key held in this process, as KMS does with
 * `MessageType: DIGEST`. Node signs messages, not digests, so the PKCS#1 v1.5 block is built here. (Node
 * offers no way to sign a precomputed digest with ECDSA; EC seal keys work through KMS only.)
 */
export function signDigestWithKey(privateKey: KeyObject, digest: Uint8Array): Buffer {
  if (digest.length !== 32) throw new Error(`expected a 32-byte SHA-256 digest, got ${digest.length} bytes`);
  if (privateKey.asymmetricKeyType === 'rsa') {
    return privateEncrypt({ key: privateKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([SHA256_DIGEST_INFO_PREFIX, digest]));
  }
  throw new Error(`a ${privateKey.asymmetricKeyType} key cannot sign a precomputed digest here; use an RSA key`);
}

export const DEVELOPMENT_SEAL_SUBJECT: DistinguishedName = {
  commonName: 'European Ports Alliance development seal',
  organization: 'European Commission (development)',
  country: 'BE',
};

export interface DevelopmentSeal {
  readonly privateKeyPem: string;
  readonly certificateDer: Buffer;
  readonly signer: SealSigner;
}

/**
 * A throw-away key and self-signed certificate for the local stack and tests. Its seal is cryptographically
 * sound but proves nothing about who sealed: on AWS the key is the Commission's, in KMS.
 */
export async function createDevelopmentSeal(subject: DistinguishedName = DEVELOPMENT_SEAL_SUBJECT): Promise<DevelopmentSeal> {
  // RSA 3072, as the KMS key on AWS.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 3072 });
  const spki = createPublicKeyDer(privateKey);
  const certificateDer = await createSelfSignedCertificate(subject, spki, 'rsa', async (digest) => signDigestWithKey(privateKey, digest));
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { privateKeyPem, certificateDer, signer: inMemorySigner(privateKeyPem, [certificateDer]) };
}

/** A signer over a PEM private key and its certificate chain. */
export function inMemorySigner(privateKeyPem: string, certificateChain: readonly Uint8Array[]): SealSigner {
  const key = createPrivateKey(privateKeyPem);
  const [leaf] = certificateChain;
  if (!leaf) throw new Error('a signer needs its certificate');
  keyAlgorithmOf(leaf);
  return { certificateChain, signDigest: async (digest) => signDigestWithKey(key, digest) };
}

function createPublicKeyDer(privateKey: KeyObject): Buffer {
  return Buffer.from(createPublicKey(privateKey).export({ type: 'spki', format: 'der' }));
}
