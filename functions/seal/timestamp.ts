import { randomBytes } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { PKIStatus, TimeStampResp, TSTInfo } from '@peculiar/asn1-tsp';
import { OIDS, der, derElement, derElements } from './cms-asn1';
import type { TimestampSource } from './cades';

const TIMEOUT_MS = 10_000;

/** The timestamp authority could not be reached or was overloaded; asking again later may succeed. */
export class TimestampUnavailable extends Error {
  override readonly name = 'TimestampUnavailable';
}

/**
 * An RFC 3161 client: POSTs a TimeStampReq for the digest and returns the token, after checking that the
 * authority granted it for this digest and this request's nonce.
 */
export function rfc3161Timestamps(url: string, fetchImpl: typeof fetch = fetch): TimestampSource {
  return async (digest) => {
    const nonce = randomBytes(8);
    nonce[0] = ((nonce[0] ?? 0) & 0x7f) || 0x01; // a positive INTEGER in minimal DER
    // TimeStampReq ::= SEQUENCE { version 1, messageImprint, nonce, certReq TRUE } (RFC 3161, 2.4.1)
    const request = der.sequence(
      der.smallInteger(1),
      der.sequence(der.sequence(der.objectIdentifier(OIDS.sha256)), der.octetString(digest)),
      der.integerBytes(nonce),
      der.value(0x01, Buffer.from([0xff])),
    );
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
        body: new Uint8Array(request),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new TimestampUnavailable(`the timestamp authority at ${url} could not be reached: ${(error as Error).message}`, { cause: error });
    }
    if (response.status >= 500 || response.status === 429) throw new TimestampUnavailable(`the timestamp authority answered HTTP ${response.status}`);
    if (!response.ok) throw new Error(`the timestamp authority answered HTTP ${response.status}`);
    const reply = new Uint8Array(await response.arrayBuffer());
    // TimeStampResp ::= SEQUENCE { status PKIStatusInfo, timeStampToken OPTIONAL }: read without decoding the token.
    const [statusInfo, token] = derElements(derElement(reply, 0x30).contents);
    const [status] = derElements(statusInfo?.contents ?? new Uint8Array());
    const granted = status?.tag === 0x02 && status.contents.length === 1 && (status.contents[0] === PKIStatus.granted || status.contents[0] === PKIStatus.grantedWithMods);
    if (!granted) {
      const { status: refusal } = AsnConvert.parse(reply, TimeStampResp);
      throw new Error(`the timestamp authority refused the request (status ${refusal.status}: ${refusal.statusString?.join(' ') ?? 'no reason given'})`);
    }
    if (!token) throw new Error('the timestamp authority granted the request but sent no token');
    const tokenDer = Buffer.from(token.encoded);
    const info = readTimestampToken(tokenDer);
    if (Buffer.compare(info.messageImprint, Buffer.from(digest)) !== 0) throw new Error('the timestamp token covers a different digest');
    if (!info.nonce || Buffer.compare(stripLeadingZeros(info.nonce), stripLeadingZeros(nonce)) !== 0) throw new Error('the timestamp token answers another request (nonce)');
    return tokenDer;
  };
}

export interface TimestampTokenInfo {
  readonly genTime: Date;
  readonly messageImprint: Buffer;
  readonly hashAlgorithm: string;
  readonly nonce?: Buffer;
  readonly serialNumber: Buffer;
}

/**
 * The TSTInfo inside a timestamp token (a ContentInfo holding a SignedData whose encapsulated content is the
 * TSTInfo), found without decoding the rest of the token: its certificates and signer.
 */
export function readTimestampToken(tokenDer: Uint8Array): TimestampTokenInfo {
  const [contentType, explicitContent] = derElements(derElement(tokenDer, 0x30).contents);
  if (!contentType || !der.objectIdentifier(OIDS.signedData).equals(contentType.encoded) || !explicitContent) {
    throw new Error('the timestamp token is not a SignedData');
  }
  // SignedData ::= SEQUENCE { version, digestAlgorithms, encapContentInfo, ... }
  const encapsulated = derElements(derElement(explicitContent.contents, 0x30).contents)[2];
  const [eContentType, eContent] = derElements(encapsulated?.contents ?? new Uint8Array());
  const isTstInfo = eContentType !== undefined && der.objectIdentifier(OIDS.tstInfo).equals(eContentType.encoded);
  if (!isTstInfo || eContent?.tag !== 0xa0) throw new Error('the timestamp token carries no TSTInfo');
  const info = AsnConvert.parse(derElement(eContent.contents, 0x04).contents, TSTInfo);
  return {
    genTime: info.genTime,
    messageImprint: Buffer.from(info.messageImprint.hashedMessage.buffer),
    hashAlgorithm: info.messageImprint.hashAlgorithm.algorithm,
    nonce: info.nonce ? Buffer.from(info.nonce) : undefined,
    serialNumber: Buffer.from(info.serialNumber),
  };
}

function stripLeadingZeros(bytes: Buffer): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
  return bytes.subarray(start);
}
