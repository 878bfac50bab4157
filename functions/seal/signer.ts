import { createHash, X509Certificate } from 'node:crypto';

/**
 * The seal's key, wherever it lives: AWS KMS on AWS and on the local stack, a key in memory in unit tests.
 * The key never leaves the signer; callers hand it a SHA-256 digest and get the signature value back.
 */
export interface SealSigner {
  /** DER certificates, the signer's own first, then its issuers up to (not necessarily including) the root. */
  readonly certificateChain: readonly Uint8Array[];
  /** Signs a SHA-256 digest with the key of `certificateChain[0]`: PKCS#1 v1.5 for RSA, DER-encoded ECDSA for EC. */
  signDigest(sha256: Uint8Array): Promise<Uint8Array>;
}

export type KeyAlgorithm = 'rsa' | 'ec';

/** The signature algorithm every part of the seal uses, by key type. */
export const SIGNATURE_ALGORITHMS = {
  rsa: { oid: '1.2.840.113549.1.1.11', name: 'sha256WithRSAEncryption', kms: 'RSASSA_PKCS1_V1_5_SHA_256', hasNullParameters: true },
  ec: { oid: '1.2.840.10045.4.3.2', name: 'ecdsa-with-SHA256', kms: 'ECDSA_SHA_256', hasNullParameters: false },
} as const;

export function keyAlgorithmOf(certificateDer: Uint8Array): KeyAlgorithm {
  const type = new X509Certificate(certificateDer).publicKey.asymmetricKeyType;
  if (type === 'rsa' || type === 'ec') return type;
  throw new Error(`the seal certificate has a ${type} key; only RSA and EC keys are supported`);
}

export function sha256(data: Uint8Array | string): Buffer {
  return createHash('sha256').update(data).digest();
}

/** Splits a PEM bundle into DER certificates, in the order given. */
export function certificatesFromPem(pem: string): Buffer[] {
  const blocks = [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)];
  return blocks.map((block) => Buffer.from((block[1] ?? '').replace(/\s+/g, ''), 'base64'));
}

export function certificateToPem(der: Uint8Array): string {
  const base64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`;
}
