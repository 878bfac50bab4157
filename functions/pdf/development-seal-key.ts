import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import type { SealKey } from './seal';

const DEFAULT_COMMON_NAME = 'European Ports Alliance development seal';
const VALIDITY_YEARS = 5;

/**
 * A throw-away, self-signed seal key for local runs and tests. Its seal is cryptographically sound but
 * proves nothing about who sealed: production uses the Commission's own key.
 */
export function createDevelopmentSealKey(commonName: string = DEFAULT_COMMON_NAME): SealKey {
  const keys = generateRsaKeyPair();
  const certificate = createSelfSignedCertificate(keys, commonName);
  const passphrase = randomBytes(24).toString('base64url');
  return { p12: toPkcs12(keys.privateKey, certificate, passphrase, commonName), passphrase };
}

/** Node's native generator takes tens of milliseconds where node-forge's pure JS one takes seconds. */
function generateRsaKeyPair(): forge.pki.rsa.KeyPair {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const forgePrivateKey = forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey;
  return { privateKey: forgePrivateKey, publicKey: forge.pki.setRsaPublicKey(forgePrivateKey.n, forgePrivateKey.e) };
}

function createSelfSignedCertificate(keys: forge.pki.rsa.KeyPair, commonName: string): forge.pki.Certificate {
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = keys.publicKey;
  certificate.serialNumber = positiveSerialNumber();
  const notBefore = new Date();
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + VALIDITY_YEARS);
  certificate.validity.notBefore = notBefore;
  certificate.validity.notAfter = notAfter;
  const subject = [
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'European Commission (development)' },
  ];
  certificate.setSubject(subject);
  certificate.setIssuer(subject);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  certificate.sign(keys.privateKey, forge.md.sha256.create());
  return certificate;
}

/** 16 random bytes with the top bit cleared: DER serial numbers must be positive. */
function positiveSerialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString('hex');
}

function toPkcs12(
  privateKey: forge.pki.rsa.PrivateKey,
  certificate: forge.pki.Certificate,
  passphrase: string,
  friendlyName: string,
): Buffer {
  // 3DES is the PKCS#12 cipher every reader accepts (node-forge, which @signpdf/signer-p12 uses, and OpenSSL).
  const asn1 = forge.pkcs12.toPkcs12Asn1(privateKey, [certificate], passphrase, {
    algorithm: '3des',
    friendlyName,
    generateLocalKeyId: true,
  });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}
