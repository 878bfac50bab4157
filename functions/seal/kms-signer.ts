import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { X509Certificate, createPublicKey } from 'node:crypto';
import { SIGNATURE_ALGORITHMS, keyAlgorithmOf, type SealSigner } from './signer';

let client: KMSClient | undefined;
/** The endpoint comes from AWS_ENDPOINT_URL_KMS when set (the local stack), as the SDK defines. */
export function kms(): KMSClient {
  client ??= new KMSClient({});
  return client;
}

/**
 * The seal key in AWS KMS: only the digest goes to KMS (`MessageType: DIGEST`), the private key never
 * leaves it. The certificate chain is the Commission's certificate for that key.
 */
export function kmsSigner(keyId: string, certificateChain: readonly Uint8Array[]): SealSigner {
  const [leaf] = certificateChain;
  if (!leaf) throw new Error('the seal certificate chain is empty');
  const signingAlgorithm = SIGNATURE_ALGORITHMS[keyAlgorithmOf(leaf)].kms;
  return {
    certificateChain,
    async signDigest(digest) {
      const { Signature } = await kms().send(new SignCommand({ KeyId: keyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: signingAlgorithm }));
      if (!Signature) throw new Error(`KMS returned no signature for key ${keyId}`);
      return Signature;
    },
  };
}

/** The KMS key's public key (SubjectPublicKeyInfo, DER): for a certificate request, or to check a certificate matches the key. */
export async function kmsPublicKey(keyId: string): Promise<Buffer> {
  const { PublicKey } = await kms().send(new GetPublicKeyCommand({ KeyId: keyId }));
  if (!PublicKey) throw new Error(`KMS returned no public key for ${keyId}`);
  return Buffer.from(PublicKey);
}

/** True when the certificate was issued for this public key (a mismatch would seal with an unverifiable signature). */
export function certificateMatchesKey(certificateDer: Uint8Array, subjectPublicKeyInfoDer: Uint8Array): boolean {
  const fromCertificate = new X509Certificate(certificateDer).publicKey.export({ type: 'spki', format: 'der' });
  const fromKey = createPublicKey({ key: Buffer.from(subjectPublicKeyInfoDer), format: 'der', type: 'spki' }).export({ type: 'spki', format: 'der' });
  return Buffer.compare(fromCertificate, fromKey) === 0;
}
