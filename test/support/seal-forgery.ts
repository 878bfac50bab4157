/**
 * A small PKI made in memory, and the tools to build genuine and forged sealed PDFs with it: certificates
 * with chosen extensions, CRLs, RFC 3161 tokens over any bytes at any time, and incremental updates that
 * add a DSS, a document timestamp, or anything else.
 */
import { createHash, createPublicKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { BasicOCSPResponse, CertID, CertStatus, OCSPResponse, OCSPResponseStatus, ResponderID, ResponseBytes, ResponseData, RevokedInfo, SingleResponse, id_pkix_ocsp_basic } from '@peculiar/asn1-ocsp';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { Accuracy, TSTInfo, MessageImprint } from '@peculiar/asn1-tsp';
import {
  AlgorithmIdentifier,
  AttributeTypeAndValue,
  AttributeValue,
  BasicConstraints,
  Certificate,
  CertificateList,
  ExtendedKeyUsage,
  Extension,
  Extensions,
  GeneralName,
  KeyUsage,
  Name,
  RelativeDistinguishedName,
  RevokedCertificate,
  SubjectPublicKeyInfo,
  TBSCertList,
  TBSCertificate,
  Time,
  Validity,
  Version,
  id_ce_basicConstraints,
  id_ce_extKeyUsage,
  id_ce_keyUsage,
} from '@peculiar/asn1-x509';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, type PDFObject } from 'pdf-lib';
import { signedData, signerCertificates } from '../../functions/seal/cades';
import { OIDS, der } from '../../functions/seal/cms-asn1';
import { sha256 } from '../../functions/seal/signer';
import { toArrayBuffer } from '../../functions/seal/x509-builder';

const SHA256_WITH_RSA = new AlgorithmIdentifier({ algorithm: '1.2.840.113549.1.1.11', parameters: null });
const SHA1_WITH_RSA = new AlgorithmIdentifier({ algorithm: '1.2.840.113549.1.1.5', parameters: null });

export interface Issued {
  readonly der: Buffer;
  readonly key: KeyObject;
  readonly keyPem: string;
  readonly serial: Buffer;
}

export function rsaKey(bits = 2048): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: bits }).privateKey;
}

export interface CertificateSpec {
  readonly commonName: string;
  readonly key: KeyObject;
  /** Absent for a self-signed certificate. */
  readonly issuer?: Issued;
  readonly validFrom: Date;
  readonly validTo: Date;
  /** Absent: no basicConstraints extension. */
  readonly basicConstraints?: { readonly ca: boolean; readonly pathLength?: number };
  /** KeyUsageFlags; absent: no keyUsage extension. */
  readonly keyUsage?: number;
  readonly extendedKeyUsage?: { readonly purposes: readonly string[]; readonly critical: boolean };
  /** @default false: SHA-256 */
  readonly sha1?: boolean;
}

export function nameOf(commonName: string): Name {
  return new Name([
    new RelativeDistinguishedName([new AttributeTypeAndValue({ type: '2.5.4.6', value: new AttributeValue({ printableString: 'BE' }) })]),
    new RelativeDistinguishedName([new AttributeTypeAndValue({ type: '2.5.4.3', value: new AttributeValue({ utf8String: commonName }) })]),
  ]);
}

export function issueCertificate(spec: CertificateSpec): Issued {
  const serial = randomBytes(12);
  serial[0] = ((serial[0] ?? 0) & 0x7f) || 1;
  const extensions: Extension[] = [];
  const add = (id: string, critical: boolean, value: object) => extensions.push(new Extension({ extnID: id, critical, extnValue: new OctetString(AsnConvert.serialize(value)) }));
  if (spec.basicConstraints) add(id_ce_basicConstraints, true, new BasicConstraints({ cA: spec.basicConstraints.ca, pathLenConstraint: spec.basicConstraints.pathLength }));
  if (spec.keyUsage !== undefined) add(id_ce_keyUsage, true, new KeyUsage(spec.keyUsage));
  if (spec.extendedKeyUsage) add(id_ce_extKeyUsage, spec.extendedKeyUsage.critical, new ExtendedKeyUsage([...spec.extendedKeyUsage.purposes]));
  const algorithm = spec.sha1 ? SHA1_WITH_RSA : SHA256_WITH_RSA;
  const subject = nameOf(spec.commonName);
  const tbs = new TBSCertificate({
    version: Version.v3,
    serialNumber: toArrayBuffer(serial),
    signature: algorithm,
    issuer: spec.issuer ? AsnConvert.parse(spec.issuer.der, Certificate).tbsCertificate.subject : subject,
    validity: new Validity({ notBefore: spec.validFrom, notAfter: spec.validTo }),
    subject,
    subjectPublicKeyInfo: AsnConvert.parse(createPublicKey(spec.key).export({ type: 'spki', format: 'der' }), SubjectPublicKeyInfo),
    extensions: extensions.length > 0 ? new Extensions(extensions) : undefined,
  });
  const tbsDer = Buffer.from(AsnConvert.serialize(tbs));
  const signature = sign(spec.sha1 ? 'sha1' : 'sha256', tbsDer, spec.issuer?.key ?? spec.key);
  const certificate = new Certificate({ tbsCertificate: tbs, signatureAlgorithm: algorithm, signatureValue: toArrayBuffer(signature) });
  return { der: Buffer.from(AsnConvert.serialize(certificate)), key: spec.key, keyPem: spec.key.export({ type: 'pkcs8', format: 'pem' }).toString(), serial };
}

/** A CRL of `issuer` listing `revoked`. */
export function issueCrl(issuer: Issued, thisUpdate: Date, revoked: readonly { readonly serial: Buffer; readonly at: Date }[]): Buffer {
  const tbs = new TBSCertList({
    version: Version.v2,
    signature: SHA256_WITH_RSA,
    issuer: AsnConvert.parse(issuer.der, Certificate).tbsCertificate.subject,
    thisUpdate: new Time(thisUpdate),
    nextUpdate: new Time(new Date(thisUpdate.getTime() + 7 * 86_400_000)),
    revokedCertificates: revoked.length > 0 ? revoked.map((entry) => new RevokedCertificate({ userCertificate: toArrayBuffer(entry.serial), revocationDate: new Time(entry.at) })) : undefined,
  });
  const tbsDer = Buffer.from(AsnConvert.serialize(tbs));
  const list = new CertificateList({ tbsCertList: tbs, signatureAlgorithm: SHA256_WITH_RSA, signature: toArrayBuffer(sign('sha256', tbsDer, issuer.key)) });
  return Buffer.from(AsnConvert.serialize(list));
}

/**
 * An OCSP response (RFC 6960) about `certificate`, issued by `issuer`: good, or revoked at `revokedAt`.
 * Signed by the issuer itself, or by `responder` (which then travels in the response).
 */
export function issueOcspResponse(issuer: Issued, certificate: Issued, producedAt: Date, options: { revokedAt?: Date; responder?: Issued } = {}): Buffer {
  const issuerCertificate = AsnConvert.parse(issuer.der, Certificate).tbsCertificate;
  const sha1 = (bytes: ArrayBuffer | Uint8Array) => new OctetString(createHash('sha1').update(new Uint8Array(bytes)).digest());
  const certID = new CertID({
    hashAlgorithm: new AlgorithmIdentifier({ algorithm: '1.3.14.3.2.26', parameters: null }),
    issuerNameHash: sha1(AsnConvert.serialize(issuerCertificate.subject)),
    issuerKeyHash: sha1(issuerCertificate.subjectPublicKeyInfo.subjectPublicKey),
    serialNumber: toArrayBuffer(certificate.serial),
  });
  const certStatus = new CertStatus(options.revokedAt ? { revoked: new RevokedInfo({ revocationTime: options.revokedAt }) } : { good: null });
  const signer = options.responder ?? issuer;
  const data = new ResponseData({
    responderID: new ResponderID({ byName: AsnConvert.parse(signer.der, Certificate).tbsCertificate.subject }),
    producedAt,
    responses: [new SingleResponse({ certID, certStatus, thisUpdate: producedAt })],
  });
  const basic = new BasicOCSPResponse({
    tbsResponseData: data,
    signatureAlgorithm: SHA256_WITH_RSA,
    signature: toArrayBuffer(sign('sha256', Buffer.from(AsnConvert.serialize(data)), signer.key)),
    certs: options.responder ? [AsnConvert.parse(options.responder.der, Certificate)] : undefined,
  });
  const response = new OCSPResponse({
    responseStatus: OCSPResponseStatus.successful,
    responseBytes: new ResponseBytes({ responseType: id_pkix_ocsp_basic, response: new OctetString(AsnConvert.serialize(basic)) }),
  });
  return Buffer.from(AsnConvert.serialize(response));
}

/** An RFC 3161 token signed by `authority` for the SHA-256 `imprint`, attesting `time`. */
export function timestampToken(authority: Issued, imprint: Uint8Array, time: Date, chain: readonly Uint8Array[] = []): Buffer {
  const certificates = signerCertificates([authority.der, ...chain]);
  const tstInfo = Buffer.from(AsnConvert.serialize(new TSTInfo({
    policy: '2.999.1',
    messageImprint: new MessageImprint({ hashAlgorithm: new AlgorithmIdentifier({ algorithm: OIDS.sha256 }), hashedMessage: new OctetString(imprint) }),
    serialNumber: toArrayBuffer(randomBytes(8).fill(1, 0, 1)),
    genTime: new Date(Math.floor(time.getTime() / 1000) * 1000),
    accuracy: new Accuracy({ seconds: 1 }),
    tsa: new GeneralName({ directoryName: AsnConvert.parse(authority.der, Certificate).tbsCertificate.subject }),
  })));
  const signedAttributes = der.setOf(
    der.attribute(OIDS.contentType, der.objectIdentifier(OIDS.tstInfo)),
    der.attribute(OIDS.messageDigest, der.octetString(sha256(tstInfo))),
    certificates.signingCertificateAttribute,
  );
  return signedData({ certificates, contentType: OIDS.tstInfo, content: tstInfo, signedAttributes, signatureValue: sign('sha256', signedAttributes, authority.key) });
}

/** The GeneralizedTime of a token rewritten to `time` (same length), leaving its signature as it was. */
export function backdate(token: Buffer, time: Date): Buffer {
  const stamp = (date: Date) => date.toISOString().replace(/[-:T]/g, '').replace(/\.\d+Z$/, 'Z');
  const original = Buffer.from(stamp(new Date(Math.floor(timeOf(token).getTime() / 1000) * 1000)), 'latin1');
  const at = token.indexOf(original);
  if (at === -1) throw new Error('the token has no GeneralizedTime to rewrite');
  const copy = Buffer.from(token);
  Buffer.from(stamp(time), 'latin1').copy(copy, at);
  return copy;
}

function timeOf(token: Buffer): Date {
  const match = /(\d{14})Z/.exec(token.toString('latin1'));
  const digits = match?.[1] ?? '';
  return new Date(`${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}T${digits.slice(8, 10)}:${digits.slice(10, 12)}:${digits.slice(12, 14)}Z`);
}

/**
 * Appends an incremental update holding every object `change` adds or alters, with a cross-reference stream
 * chained to the previous one by /Prev: the way PDF tools save a signed file without touching its bytes.
 */
export async function incrementalUpdate(pdf: Buffer, change: (doc: PDFDocument) => void | Promise<void>, options: { deleted?: readonly number[] } = {}): Promise<Buffer> {
  const before = await PDFDocument.load(pdf, { updateMetadata: false });
  const serialized = new Map(before.context.enumerateIndirectObjects().map(([ref, object]) => [ref.toString(), bytesOf(object).toString('latin1')]));
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  // pdf-lib forgets the numbers of the object streams it unpacked: new objects must not reuse them.
  const previousSize = Number([...pdf.toString('latin1').matchAll(/\/Size\s+(\d+)/g)].at(-1)?.[1] ?? 0);
  doc.context.largestObjectNumber = Math.max(doc.context.largestObjectNumber, previousSize - 1);
  await change(doc);
  const parts: Buffer[] = [pdf];
  let offset = pdf.length;
  const entries: [number, number][] = [];
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    const bytes = bytesOf(object);
    if (serialized.get(ref.toString()) === bytes.toString('latin1')) continue;
    const text = Buffer.concat([Buffer.from(`${ref.objectNumber} ${ref.generationNumber} obj\n`), bytes, Buffer.from('\nendobj\n')]);
    entries.push([ref.objectNumber, offset]);
    parts.push(text);
    offset += text.length;
  }
  const xrefNumber = doc.context.largestObjectNumber + 1;
  entries.push([xrefNumber, offset]);
  // A free entry (type 0) deletes the object for every reader.
  for (const number of options.deleted ?? []) entries.push([number, -1]);
  entries.sort((a, b) => a[0] - b[0]);
  const rows = Buffer.concat(entries.map(([, at]) => {
    const row = Buffer.alloc(7);
    row[0] = at < 0 ? 0 : 1;
    row.writeUInt32BE(Math.max(at, 0), 1);
    return row;
  }));
  const previous = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(pdf.subarray(-64).toString('latin1'))?.[1];
  const info = doc.context.trailerInfo.Info ? ` /Info ${doc.context.trailerInfo.Info.toString()}` : '';
  const dictionary = `<< /Type /XRef /Size ${xrefNumber + 1} /Root ${String(doc.context.trailerInfo.Root)}${info} /Prev ${previous} /W [1 4 2] /Index [${entries.map(([number]) => `${number} 1`).join(' ')}] /Length ${rows.length} >>`;
  parts.push(Buffer.from(`${xrefNumber} 0 obj\n${dictionary}\nstream\n`), rows, Buffer.from(`\nendstream\nendobj\nstartxref\n${offset}\n%%EOF\n`));
  return Buffer.concat(parts);
}

function bytesOf(object: PDFObject): Buffer {
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return Buffer.from(bytes);
}

/**
 * The first page's dictionary as the file holds it. (pdf-lib's page objects and addAnnot wrap a page's
 * content streams in q/Q on first use, which would itself change the sealed page.)
 */
export function firstPage(doc: PDFDocument): PDFDict {
  return doc.context.lookup(doc.catalog.Pages().Kids().get(0), PDFDict);
}

/** Adds a Document Security Store with these certificates, CRLs and OCSP responses. */
export function addDss(pdf: Buffer, data: { readonly certificates?: readonly Uint8Array[]; readonly crls?: readonly Uint8Array[]; readonly ocspResponses?: readonly Uint8Array[] }): Promise<Buffer> {
  return incrementalUpdate(pdf, (doc) => {
    const streams = (items: readonly Uint8Array[] = []) => doc.context.obj(items.map((item) => doc.context.register(doc.context.stream(item))));
    const dss = doc.context.obj({ Type: 'DSS', Certs: streams(data.certificates), CRLs: streams(data.crls), OCSPs: streams(data.ocspResponses) });
    doc.catalog.set(PDFName.of('DSS'), doc.context.register(dss));
  });
}

const PLACEHOLDER_BYTES = 12_000;
/** Ten digits per offset, replaced once the offsets are known, so that nothing after it moves. */
const BYTE_RANGE_PLACEHOLDER = '[ 0 9999999999 9999999999 9999999999 ]';

/** Adds a document timestamp (ETSI.RFC3161) over the whole file, as PAdES B-LTA does; `tokenFor` answers the SHA-256 of the covered bytes. */
export async function addDocumentTimestamp(pdf: Buffer, tokenFor: (digest: Buffer) => Uint8Array | Promise<Uint8Array>): Promise<Buffer> {
  const updated = await incrementalUpdate(pdf, (doc) => {
    const context = doc.context;
    const signature = context.register(context.obj({
      Type: 'DocTimeStamp',
      Filter: 'Adobe.PPKLite',
      SubFilter: 'ETSI.RFC3161',
      ByteRange: [0, 9_999_999_999, 9_999_999_999, 9_999_999_999],
      Contents: PDFHexString.of('0'.repeat(PLACEHOLDER_BYTES * 2)),
    }));
    const page = firstPage(doc);
    const field = context.register(context.obj({ Type: 'Annot', Subtype: 'Widget', FT: 'Sig', T: PDFHexString.fromText('Document timestamp'), F: 132, Rect: [0, 0, 0, 0], V: signature, P: doc.catalog.Pages().Kids().get(0) }));
    const annotations = page.lookup(PDFName.of('Annots'));
    if (annotations instanceof PDFArray) annotations.push(field);
    else page.set(PDFName.of('Annots'), context.obj([field]));
    const form = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
    form.lookup(PDFName.of('Fields'), PDFArray).push(field);
  });
  return fillDocumentTimestamp(updated, tokenFor);
}

async function fillDocumentTimestamp(pdf: Buffer, tokenFor: (digest: Buffer) => Uint8Array | Promise<Uint8Array>): Promise<Buffer> {
  const text = pdf.toString('latin1');
  const rangeAt = text.lastIndexOf(BYTE_RANGE_PLACEHOLDER);
  const contentsAt = text.indexOf('/Contents <', rangeAt) + '/Contents '.length;
  const contentsEnd = text.indexOf('>', contentsAt) + 1;
  const range = [0, contentsAt, contentsEnd, pdf.length - contentsEnd];
  const rangeText = `[${range.join(' ')}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ');
  const copy = Buffer.from(pdf);
  copy.write(rangeText, rangeAt, 'latin1');
  const digest = sha256(Buffer.concat([copy.subarray(0, contentsAt), copy.subarray(contentsEnd)]));
  const token = Buffer.from(await tokenFor(digest)).toString('hex');
  if (token.length > PLACEHOLDER_BYTES * 2) throw new Error('the document timestamp token is larger than its placeholder');
  copy.write(token, contentsAt + 1, 'latin1');
  return copy;
}
