import { X509Certificate, createHash, verify as verifySignature } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { ContentInfo, SignedData, type SignerInfo } from '@peculiar/asn1-cms';
import { Certificate } from '@peculiar/asn1-x509';
import * as asn1js from 'asn1js';
import { OIDS, parseDer, signedAttributesOf } from '../seal/cms-asn1';
import { readTimestampToken } from '../seal/timestamp';

export interface SealCheck {
  readonly name: string;
  readonly passed: boolean;
  readonly detail: string;
}

export interface SealReport {
  readonly valid: boolean;
  readonly fileSha256: string;
  readonly checks: readonly SealCheck[];
  readonly signer?: string;
  /** The time the signature claims (M entry) and, with a timestamp, the authority's time. */
  readonly claimedSigningTime?: string;
  readonly timestampTime?: string;
}

/**
 * Checks a sealed PDF offline: the seal covers the whole file, its CMS signature verifies over the signed
 * byte range, the signing-certificate-v2 attribute names the certificate that signed, and that certificate
 * chains to one of `trustAnchors` (DER). A timestamp, when present, must cover the signature value.
 */
export function verifySealedPdf(pdf: Buffer, trustAnchors: readonly Uint8Array[], at = new Date()): SealReport {
  const checks: SealCheck[] = [];
  const check = (name: string, passed: boolean, detail: string) => {
    checks.push({ name, passed, detail });
    return passed;
  };
  const fileSha256 = createHash('sha256').update(pdf).digest('hex');
  const done = (extra: Partial<SealReport> = {}): SealReport => ({ valid: checks.every((c) => c.passed), fileSha256, checks, ...extra });

  const seal = findLastSignature(pdf);
  if (!check('seal present', seal !== undefined, seal ? `${seal.subFilter ?? 'no sub-filter'}` : 'the file has no signature dictionary with a byte range')) return done();
  const { byteRange, contents } = seal!;
  const [start, firstLength, secondStart, secondLength] = byteRange;
  check('sub-filter', seal!.subFilter === 'ETSI.CAdES.detached', `${seal!.subFilter ?? 'none'} (PAdES requires ETSI.CAdES.detached)`);
  check('whole document signed', start === 0 && secondStart + secondLength === pdf.length && firstLength < secondStart, `byte range [${byteRange.join(' ')}] of a ${pdf.length}-byte file`);

  const digest = createHash('sha256').update(pdf.subarray(start, start + firstLength)).update(pdf.subarray(secondStart, secondStart + secondLength)).digest();
  let signedData: SignedData;
  let signerInfo: SignerInfo | undefined;
  let cms: Buffer;
  try {
    cms = trimDer(contents);
    signedData = AsnConvert.parse(AsnConvert.parse(cms, ContentInfo).content, SignedData);
    signerInfo = signedData.signerInfos[0];
  } catch (error) {
    check('CMS structure', false, `the signature is not a CMS SignedData: ${(error as Error).message}`);
    return done();
  }
  if (!check('CMS structure', signerInfo !== undefined, 'one SignedData with a signer')) return done();
  const attribute = (oid: string) => signerInfo!.signedAttrs?.find((candidate) => candidate.attrType === oid)?.attrValues[0];

  const messageDigest = attribute(OIDS.messageDigest);
  const signedDigest = messageDigest ? Buffer.from((parseDer(messageDigest) as asn1js.OctetString).valueBlock.valueHexView) : undefined;
  check('document hash', signedDigest !== undefined && signedDigest.equals(digest), signedDigest?.equals(digest)
    ? `SHA-256 of the signed bytes ${digest.toString('hex')} matches the sealed message digest`
    : 'the signed bytes do not match the sealed message digest: the file was changed after sealing');

  const certificates = (signedData.certificates ?? []).flatMap((choice) => (choice.certificate ? [Buffer.from(AsnConvert.serialize(choice.certificate))] : []));
  const sid = signerInfo!.sid.issuerAndSerialNumber;
  const signerDer = certificates.find((der) => {
    const parsed = AsnConvert.parse(der, Certificate).tbsCertificate;
    return sid && Buffer.from(parsed.serialNumber).equals(Buffer.from(sid.serialNumber)) && Buffer.from(AsnConvert.serialize(parsed.issuer)).equals(Buffer.from(AsnConvert.serialize(sid.issuer)));
  });
  if (!check('signer certificate', signerDer !== undefined, signerDer ? new X509Certificate(signerDer).subject.replace(/\n/g, ', ') : 'the signature does not carry the certificate of its signer')) return done();
  const signer = new X509Certificate(signerDer!);

  const signedAttributes = signedAttributesOf(cms);
  const signatureValid = signedAttributes !== undefined && verifySignature('sha256', signedAttributes, signer.publicKey, Buffer.from(signerInfo!.signature.buffer));
  check('seal signature', signatureValid, signatureValid ? 'the CMS signature verifies with the signer certificate\'s key' : 'the CMS signature does not verify');

  const signingCertificate = attribute(OIDS.signingCertificateV2);
  const boundHash = signingCertificate ? essCertHash(signingCertificate) : undefined;
  const certificateHash = createHash('sha256').update(signerDer!).digest();
  check('signing-certificate-v2', boundHash?.equals(certificateHash) ?? false, boundHash
    ? boundHash.equals(certificateHash) ? 'binds the signature to the certificate that signed' : 'names another certificate than the one that signed'
    : 'missing: the signature is not bound to its certificate (PAdES baseline requires it)');

  const tokenValue = signerInfo!.unsignedAttrs?.find((candidate) => candidate.attrType === OIDS.signatureTimeStampToken)?.attrValues[0];
  let timestampTime: string | undefined;
  if (tokenValue) {
    const token = readTimestampToken(new Uint8Array(tokenValue));
    timestampTime = token.genTime.toISOString();
    const coversSignature = token.messageImprint.equals(createHash('sha256').update(Buffer.from(signerInfo!.signature.buffer)).digest());
    check('signature timestamp', coversSignature, coversSignature ? `RFC 3161 timestamp of ${timestampTime} covers the signature value` : 'the timestamp covers something else than this signature');
  }

  const chain = chainToTrustAnchor(signer, certificates.map((der) => new X509Certificate(der)), trustAnchors.map((der) => new X509Certificate(der)));
  const signingTime = timestampTime ? new Date(timestampTime) : seal!.claimedSigningTime ?? at;
  const validAtSigning = new Date(signer.validFrom) <= signingTime && signingTime <= new Date(signer.validTo);
  check('issuing certificate', chain.trusted, chain.detail);
  check('certificate validity', validAtSigning, `${signer.validFrom} to ${signer.validTo}; sealed ${signingTime.toISOString()}`);
  return done({ signer: signer.subject.replace(/\n/g, ', '), claimedSigningTime: seal!.claimedSigningTime?.toISOString(), timestampTime });
}

interface FoundSignature {
  byteRange: [number, number, number, number];
  contents: Buffer;
  subFilter?: string;
  claimedSigningTime?: Date;
}

/** The last signature dictionary (the one covering the most), read from the raw bytes as validators do. */
function findLastSignature(pdf: Buffer): FoundSignature | undefined {
  const text = pdf.toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = ranges.at(-1);
  if (!last) return undefined;
  const byteRange = [1, 2, 3, 4].map((group) => Number(last[group])) as [number, number, number, number];
  const gap = text.slice(byteRange[0] + byteRange[1], byteRange[2]);
  const hex = /^<([0-9A-Fa-f]*)>$/.exec(gap)?.[1];
  if (hex === undefined) return undefined;
  // The dictionary around the byte range: from the nearest "<<" before it to the next ">>" after the contents.
  const dictionary = text.slice(Math.max(0, text.lastIndexOf('<<', last.index ?? 0) - 2_000), byteRange[2] + 2_000);
  const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.]+)/.exec(dictionary)?.[1];
  const m = /\/M\s*\(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?/.exec(dictionary);
  const claimedSigningTime = m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${!m[7] || m[7] === 'Z' ? 'Z' : m[7].replace(/'/g, '').replace(/(\d{2})(\d{2})$/, '$1:$2')}`) : undefined;
  return { byteRange, contents: Buffer.from(hex, 'hex'), subFilter, claimedSigningTime };
}

/** The placeholder is zero-padded after the DER value. */
function trimDer(padded: Buffer): Buffer {
  const parsed = asn1js.fromBER(padded.buffer.slice(padded.byteOffset, padded.byteOffset + padded.byteLength) as ArrayBuffer);
  if (parsed.offset === -1) throw new Error(parsed.result.error);
  return padded.subarray(0, parsed.offset);
}

/** certHash of the first ESSCertIDv2 (SHA-256 is the default algorithm and is then omitted). */
function essCertHash(value: ArrayBuffer): Buffer | undefined {
  const signingCertificate = parseDer(value) as asn1js.Sequence;
  const certs = signingCertificate.valueBlock.value[0] as asn1js.Sequence | undefined;
  const first = certs?.valueBlock.value[0] as asn1js.Sequence | undefined;
  const parts = first?.valueBlock.value ?? [];
  const hash = parts.find((part): part is asn1js.OctetString => part instanceof asn1js.OctetString);
  const algorithm = parts[0] instanceof asn1js.Sequence ? ((parts[0].valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString()) : OIDS.sha256;
  return hash && algorithm === OIDS.sha256 ? Buffer.from(hash.valueBlock.valueHexView) : undefined;
}

/** Walks issuer links from the signer through the certificates carried in the seal to a trust anchor. */
function chainToTrustAnchor(signer: X509Certificate, carried: readonly X509Certificate[], anchors: readonly X509Certificate[]): { trusted: boolean; detail: string } {
  if (anchors.length === 0) return { trusted: false, detail: 'no trusted certificate given (use --trust cert.pem)' };
  let current = signer;
  const path = [current.subject.replace(/\n/g, ', ')];
  for (let depth = 0; depth < 8; depth++) {
    const anchor = anchors.find((candidate) => candidate.raw.equals(current.raw) || (current.checkIssued(candidate) && current.verify(candidate.publicKey)));
    if (anchor) return { trusted: true, detail: `issued under the trusted certificate ${anchor.subject.replace(/\n/g, ', ')}` };
    const issuer = carried.find((candidate) => !candidate.raw.equals(current.raw) && current.checkIssued(candidate) && current.verify(candidate.publicKey));
    if (!issuer) break;
    current = issuer;
    path.push(current.subject.replace(/\n/g, ', '));
  }
  return { trusted: false, detail: `no trusted certificate issued ${path.join(' <- ')}` };
}
