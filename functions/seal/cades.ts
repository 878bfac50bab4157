import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import { OIDS, der } from './cms-asn1';
import { keyAlgorithmOf, sha256, type SealSigner } from './signer';
import { signatureAlgorithmIdentifier } from './x509-builder';

/** Asks a timestamp authority for a token over a SHA-256 digest; returns the token (a CMS ContentInfo, DER). */
export type TimestampSource = (digest: Uint8Array) => Promise<Uint8Array>;

export interface CadesRequest {
  /** SHA-256 of the signed content (for a PDF: the bytes of its byte range). */
  readonly contentDigest: Uint8Array;
  readonly signer: SealSigner;
  /** With a timestamp authority the signature is CAdES B-T, without it B-B. */
  readonly timestamp?: TimestampSource;
}

/**
 * A detached CAdES baseline signature (ETSI EN 319 122-1) as PAdES uses it: signed attributes content-type,
 * message-digest and signing-certificate-v2; no signing-time, because PAdES takes the claimed time from the
 * PDF signature dictionary's M entry. With a timestamp source, the RFC 3161 token over the signature value
 * is added as the unsigned signature-time-stamp attribute.
 */
export async function createCadesSignature({ contentDigest, signer, timestamp }: CadesRequest): Promise<Buffer> {
  const certificates = signerCertificates(signer.certificateChain);
  const signedAttributes = der.setOf(
    der.attribute(OIDS.contentType, der.objectIdentifier(OIDS.data)),
    der.attribute(OIDS.messageDigest, der.octetString(contentDigest)),
    certificates.signingCertificateAttribute,
  );
  const signatureValue = await signer.signDigest(sha256(signedAttributes));
  const unsignedAttributes = timestamp ? [der.attribute(OIDS.signatureTimeStampToken, await timestamp(sha256(signatureValue)))] : [];
  return signedData({ certificates, contentType: OIDS.data, signedAttributes, signatureValue, unsignedAttributes });
}

/** What every signature made with one certificate chain repeats, encoded once (DER). */
export interface SignerCertificates {
  /** SignerIdentifier: the signing certificate's issuer and serial number. */
  readonly signerIdentifier: Buffer;
  readonly signatureAlgorithm: Buffer;
  /** The signed attribute that binds the signature to the signing certificate. */
  readonly signingCertificateAttribute: Buffer;
  /** The chain, in the order given, as the SignedData's `certificates` field. */
  readonly certificateSet: Buffer;
}

const encodedChains = new WeakMap<readonly Uint8Array[], SignerCertificates>();

/** The chain's parts of a signature, computed on first use and kept as long as the chain is (a warm container's seal). */
export function signerCertificates(chain: readonly Uint8Array[]): SignerCertificates {
  let encoded = encodedChains.get(chain);
  if (!encoded) {
    const [leafDer] = chain;
    if (!leafDer) throw new Error('the seal has no certificate');
    const { issuer, serialNumber } = AsnConvert.parse(leafDer, Certificate).tbsCertificate;
    const issuerName = Buffer.from(AsnConvert.serialize(issuer));
    const serial = der.integerBytes(new Uint8Array(serialNumber));
    encoded = {
      signerIdentifier: der.sequence(issuerName, serial),
      signatureAlgorithm: Buffer.from(AsnConvert.serialize(signatureAlgorithmIdentifier(keyAlgorithmOf(leafDer)))),
      signingCertificateAttribute: der.attribute(OIDS.signingCertificateV2, signingCertificateV2(leafDer, issuerName, serial)),
      certificateSet: der.context(0, ...chain),
    };
    encodedChains.set(chain, encoded);
  }
  return encoded;
}

/**
 * SigningCertificateV2 (RFC 5035) with one ESSCertIDv2: the SHA-256 of the signing certificate (the default
 * hash algorithm, so it is left out as DER requires) and its issuer (a directoryName) and serial number. It
 * binds the signature to this certificate, so that a different certificate for the same key cannot be
 * substituted.
 */
function signingCertificateV2(leafDer: Uint8Array, issuerName: Buffer, serial: Buffer): Buffer {
  const issuerSerial = der.sequence(der.sequence(der.context(4, issuerName)), serial);
  return der.sequence(der.sequence(der.sequence(der.octetString(sha256(leafDer)), issuerSerial)));
}

const SHA256_ALGORITHM = der.sequence(der.objectIdentifier(OIDS.sha256));

export interface SignedDataParts {
  readonly certificates: SignerCertificates;
  /** The type of the signed content: id-data for a detached PDF signature, id-ct-TSTInfo for a timestamp token. */
  readonly contentType: string;
  /** The content itself when it travels inside the signature; absent for a detached signature. */
  readonly content?: Uint8Array;
  /** @default true */
  readonly includeCertificates?: boolean;
  /** The DER SET the signature value covers. */
  readonly signedAttributes: Buffer;
  readonly signatureValue: Uint8Array;
  readonly unsignedAttributes?: readonly Buffer[];
}

/** A ContentInfo holding a SignedData with one signer, SHA-256 as its digest algorithm (RFC 5652, section 5). */
export function signedData({ certificates, contentType, content, includeCertificates = true, signedAttributes, signatureValue, unsignedAttributes = [] }: SignedDataParts): Buffer {
  const signerInfo = der.sequence(
    der.smallInteger(1), // version 1: the signer is named by issuer and serial number
    certificates.signerIdentifier,
    SHA256_ALGORITHM,
    der.retagged(signedAttributes, 0xa0), // [0] IMPLICIT, the very bytes that were signed
    certificates.signatureAlgorithm,
    der.octetString(signatureValue),
    ...(unsignedAttributes.length > 0 ? [der.retagged(der.setOf(...unsignedAttributes), 0xa1)] : []),
  );
  const encapsulatedContent = content
    ? der.sequence(der.objectIdentifier(contentType), der.context(0, der.octetString(content)))
    : der.sequence(der.objectIdentifier(contentType));
  const signed = der.sequence(
    der.smallInteger(contentType === OIDS.data ? 1 : 3), // 3 when the content is not id-data (section 5.1)
    der.setOf(SHA256_ALGORITHM),
    encapsulatedContent,
    ...(includeCertificates ? [certificates.certificateSet] : []),
    der.setOf(signerInfo),
  );
  return der.sequence(der.objectIdentifier(OIDS.signedData), der.context(0, signed));
}
