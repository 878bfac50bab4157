import * as asn1js from 'asn1js';

/** Small DER builders for the few CMS values the schema library has no class for. */
export const der = {
  objectIdentifier: (oid: string): ArrayBuffer => new asn1js.ObjectIdentifier({ value: oid }).toBER(),
  octetString: (bytes: Uint8Array): ArrayBuffer => new asn1js.OctetString({ valueHex: bytes }).toBER(),
};

/** Parses one DER value, failing loudly on trailing or truncated bytes. */
export function parseDer(bytes: ArrayBuffer | Uint8Array): asn1js.AsnType {
  const buffer = bytes instanceof Uint8Array ? (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer) : bytes;
  const parsed = asn1js.fromBER(buffer);
  if (parsed.offset === -1 || parsed.offset !== buffer.byteLength) throw new Error(`not a single DER value: ${parsed.result.error || 'trailing bytes'}`);
  return parsed.result;
}

/** DER orders the elements of a SET OF by their encodings (X.690, 11.6). */
export function derSetOf(elements: readonly ArrayBuffer[]): { sorted: ArrayBuffer[]; encoded: Buffer } {
  const sorted = [...elements].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const content = Buffer.concat(sorted.map((element) => Buffer.from(element)));
  return { sorted, encoded: Buffer.concat([Buffer.from([0x31]), derLength(content.length), content]) };
}

export function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export const OIDS = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  sha256: '2.16.840.1.101.3.4.2.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
} as const;

/**
 * The DER SET of the first signer's signed attributes, exactly as the signature covers it: the [0] IMPLICIT
 * field of the SignerInfo with its tag turned back into SET (RFC 5652, 5.4). Read with asn1js because the
 * schema library keeps no raw bytes for repeated fields.
 */
export function signedAttributesOf(contentInfoDer: Uint8Array): Buffer | undefined {
  const contentInfo = parseDer(contentInfoDer) as asn1js.Sequence;
  const explicitContent = contentInfo.valueBlock.value[1] as asn1js.Constructed | undefined;
  const signedData = explicitContent?.valueBlock.value[0] as asn1js.Sequence | undefined;
  const signerInfos = signedData?.valueBlock.value.at(-1) as asn1js.Set | undefined;
  const signerInfo = signerInfos?.valueBlock.value[0] as asn1js.Sequence | undefined;
  const field = signerInfo?.valueBlock.value.find((element) => element.idBlock.tagClass === 3 && element.idBlock.tagNumber === 0);
  if (!field) return undefined;
  const raw = Buffer.from(field.valueBeforeDecodeView);
  raw[0] = 0x31;
  return raw;
}
