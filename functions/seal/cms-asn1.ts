import * as asn1js from 'asn1js';

const encodedObjectIdentifiers = new Map<string, Buffer>();

/**
 * DER encoders for the CMS values a signature assembles. Each takes encoded elements and returns the encoding
 * of the value around them, so that bytes that are signed (or were signed by someone else, as a timestamp
 * token) are placed exactly as they are, never decoded and encoded again.
 */
export const der = {
  /** Tag, length and contents (X.690, 8.1). */
  value(tag: number, ...contents: readonly Uint8Array[]): Buffer {
    const length = contents.reduce((sum, content) => sum + content.length, 0);
    return Buffer.concat([Buffer.from([tag]), derLength(length), ...contents]);
  },
  sequence: (...elements: readonly Uint8Array[]): Buffer => der.value(0x30, ...elements),
  /** DER orders the elements of a SET OF by their encodings (X.690, 11.6). */
  setOf: (...elements: readonly Uint8Array[]): Buffer => der.value(0x31, ...[...elements].sort(Buffer.compare)),
  /** A constructed context-specific field, [n] EXPLICIT or [n] IMPLICIT of a SEQUENCE or SET. */
  context: (tagNumber: number, ...elements: readonly Uint8Array[]): Buffer => der.value(0xa0 | tagNumber, ...elements),
  octetString: (bytes: Uint8Array): Buffer => der.value(0x04, bytes),
  /** An INTEGER from its content octets as certificates carry them (serial numbers). */
  integerBytes: (bytes: Uint8Array): Buffer => der.value(0x02, bytes),
  /** A small non-negative INTEGER such as a version number. */
  smallInteger(value: number): Buffer {
    if (!Number.isInteger(value) || value < 0 || value > 0x7f) throw new Error(`${value} is not a small non-negative integer`);
    return der.value(0x02, Buffer.from([value]));
  },
  objectIdentifier(oid: string): Buffer {
    let encoded = encodedObjectIdentifiers.get(oid);
    if (!encoded) encodedObjectIdentifiers.set(oid, (encoded = Buffer.from(new asn1js.ObjectIdentifier({ value: oid }).toBER())));
    return encoded;
  },
  /** Attribute ::= SEQUENCE { attrType OBJECT IDENTIFIER, attrValues SET OF AttributeValue } (RFC 5652, 5.3). */
  attribute: (oid: string, ...values: readonly Uint8Array[]): Buffer => der.sequence(der.objectIdentifier(oid), der.setOf(...values)),
  /** The same encoding under another tag, for a SET OF turned into an [n] IMPLICIT field. */
  retagged(encoded: Uint8Array, tag: number): Buffer {
    const copy = Buffer.from(encoded);
    copy[0] = tag;
    return copy;
  },
};

/** A DER value located in a buffer: its tag, its whole encoding and its contents, as views. Nothing inside is decoded. */
export interface DerElement {
  readonly tag: number;
  readonly encoded: Uint8Array;
  readonly contents: Uint8Array;
}

/**
 * The values one after another in `bytes` (the contents of a SEQUENCE, say), without decoding what they
 * contain: reading a field deep inside a signature this way skips parsing its certificates. DER only:
 * one-byte tags and definite lengths.
 */
export function derElements(bytes: Uint8Array): DerElement[] {
  const elements: DerElement[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const tag = bytes[offset]!;
    if ((tag & 0x1f) === 0x1f) throw new Error('not DER this reader handles: a multi-byte tag');
    let length = bytes[offset + 1] ?? 0;
    let start = offset + 2;
    if (length & 0x80) {
      const octets = length & 0x7f;
      if (octets === 0 || octets > 4) throw new Error('not DER: an indefinite or oversized length');
      length = 0;
      for (let index = 0; index < octets; index++) length = length * 256 + (bytes[start + index] ?? 0);
      start += octets;
    }
    if (start + length > bytes.length) throw new Error('not DER: a value runs past the end of its container');
    elements.push({ tag, encoded: bytes.subarray(offset, start + length), contents: bytes.subarray(start, start + length) });
    offset = start + length;
  }
  return elements;
}

/** The one DER value that `bytes` holds, with the tag it must have. */
export function derElement(bytes: Uint8Array, tag: number): DerElement {
  const [element, ...rest] = derElements(bytes);
  if (!element || rest.length > 0) throw new Error('not a single DER value');
  if (element.tag !== tag) throw new Error(`expected tag 0x${tag.toString(16)}, found 0x${element.tag.toString(16)}`);
  return element;
}

/** The dotted form of an encoded OBJECT IDENTIFIER (`1.2.840.113549.1.7.2`). */
export function objectIdentifierOf(encoded: Uint8Array): string {
  return (parseDer(encoded) as asn1js.ObjectIdentifier).valueBlock.toString();
}

/** Parses one DER value, failing loudly on trailing or truncated bytes. */
export function parseDer(bytes: ArrayBuffer | Uint8Array): asn1js.AsnType {
  const buffer = bytes instanceof Uint8Array ? (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer) : bytes;
  const parsed = asn1js.fromBER(buffer);
  if (parsed.offset === -1 || parsed.offset !== buffer.byteLength) throw new Error(`not a single DER value: ${parsed.result.error || 'trailing bytes'}`);
  return parsed.result;
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
