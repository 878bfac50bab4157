import type { KeyObject } from 'node:crypto';

/**
 * Which signature and digest algorithms a seal, a timestamp, a certificate or revocation data may use
 * (ETSI TS 119 312): MD5 and SHA-1 are refused, RSA keys need 2048 bits and EC keys a 256-bit curve.
 */
const SIGNATURE_ALGORITHMS: Readonly<Record<string, { readonly name: string; readonly hash?: string; readonly refused?: string }>> = {
  '1.2.840.113549.1.1.4': { name: 'md5WithRSAEncryption', refused: 'MD5 is broken' },
  '1.2.840.113549.1.1.5': { name: 'sha1WithRSAEncryption', refused: 'SHA-1 is no longer accepted for signatures' },
  '1.2.840.10045.4.1': { name: 'ecdsa-with-SHA1', refused: 'SHA-1 is no longer accepted for signatures' },
  '1.2.840.10040.4.3': { name: 'dsa-with-SHA1', refused: 'SHA-1 and DSA are no longer accepted for signatures' },
  '1.2.840.113549.1.1.11': { name: 'sha256WithRSAEncryption', hash: 'sha256' },
  '1.2.840.113549.1.1.12': { name: 'sha384WithRSAEncryption', hash: 'sha384' },
  '1.2.840.113549.1.1.13': { name: 'sha512WithRSAEncryption', hash: 'sha512' },
  '1.2.840.10045.4.3.2': { name: 'ecdsa-with-SHA256', hash: 'sha256' },
  '1.2.840.10045.4.3.3': { name: 'ecdsa-with-SHA384', hash: 'sha384' },
  '1.2.840.10045.4.3.4': { name: 'ecdsa-with-SHA512', hash: 'sha512' },
  // In a CMS SignerInfo the signature algorithm may name only the key type; the digest algorithm gives the hash.
  '1.2.840.113549.1.1.1': { name: 'rsaEncryption' },
  '1.2.840.10045.2.1': { name: 'ecPublicKey' },
};

const DIGEST_ALGORITHMS: Readonly<Record<string, { readonly name: string; readonly refused?: string }>> = {
  '1.2.840.113549.2.5': { name: 'md5', refused: 'MD5 is broken' },
  '1.3.14.3.2.26': { name: 'sha1', refused: 'SHA-1 is no longer accepted' },
  '2.16.840.1.101.3.4.2.1': { name: 'sha256' },
  '2.16.840.1.101.3.4.2.2': { name: 'sha384' },
  '2.16.840.1.101.3.4.2.3': { name: 'sha512' },
};

export type AlgorithmVerdict = { readonly ok: true; readonly hash?: string } | { readonly ok: false; readonly problem: string };

export function signatureAlgorithmVerdict(oid: string): AlgorithmVerdict {
  const known = SIGNATURE_ALGORITHMS[oid];
  if (!known) return { ok: false, problem: `the signature algorithm ${oid} is not one this verifier accepts` };
  if (known.refused) return { ok: false, problem: `${known.name}: ${known.refused}` };
  return { ok: true, hash: known.hash };
}

export function digestAlgorithmVerdict(oid: string): AlgorithmVerdict {
  const known = DIGEST_ALGORITHMS[oid];
  if (!known) return { ok: false, problem: `the digest algorithm ${oid} is not one this verifier accepts` };
  if (known.refused) return { ok: false, problem: `${known.name}: ${known.refused}` };
  return { ok: true, hash: known.name };
}

/** Why a public key is too weak, or undefined when it is strong enough. */
export function keyWeakness(key: KeyObject): string | undefined {
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss') {
    const bits = details.modulusLength ?? 0;
    return bits < 2048 ? `an RSA key of ${bits} bits (at least 2048 are required)` : undefined;
  }
  if (key.asymmetricKeyType === 'ec') {
    const curve = details.namedCurve ?? 'an unknown curve';
    return ['prime256v1', 'secp384r1', 'secp521r1'].includes(curve) ? undefined : `an EC key on ${curve} (P-256, P-384 or P-521 are required)`;
  }
  if (key.asymmetricKeyType === 'ed25519' || key.asymmetricKeyType === 'ed448') return undefined;
  return `a ${key.asymmetricKeyType ?? 'unknown'} key, which this verifier does not accept`;
}
