import { randomBytes } from 'node:crypto';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { ContentInfo, SignedData } from '@peculiar/asn1-cms';
import { MessageImprint, PKIStatus, TimeStampReq, TimeStampResp, TSTInfo } from '@peculiar/asn1-tsp';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { OIDS } from './cms-asn1';
import type { TimestampSource } from './cades';
import { toArrayBuffer } from './x509-builder';

const TIMEOUT_MS = 10_000;

/**
 * An RFC 3161 client: POSTs a TimeStampReq for the digest and returns the token, after checking that the
 * authority granted it for this digest and this request's nonce.
 */
export function rfc3161Timestamps(url: string, fetchImpl: typeof fetch = fetch): TimestampSource {
  return async (digest) => {
    const nonce = randomBytes(8);
    nonce[0] = (nonce[0] ?? 0) & 0x7f; // a positive INTEGER
    const request = new TimeStampReq({
      messageImprint: new MessageImprint({ hashAlgorithm: new AlgorithmIdentifier({ algorithm: OIDS.sha256 }), hashedMessage: new OctetString(toArrayBuffer(digest)) }),
      nonce: toArrayBuffer(nonce),
      certReq: true,
    });
    const response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
      body: Buffer.from(AsnConvert.serialize(request)),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`the timestamp authority answered HTTP ${response.status}`);
    const reply = AsnConvert.parse(await response.arrayBuffer(), TimeStampResp);
    if (reply.status.status !== PKIStatus.granted && reply.status.status !== PKIStatus.grantedWithMods) {
      throw new Error(`the timestamp authority refused the request (status ${reply.status.status}: ${reply.status.statusString?.join(' ') ?? 'no reason given'})`);
    }
    if (!reply.timeStampToken) throw new Error('the timestamp authority granted the request but sent no token');
    const token = Buffer.from(AsnConvert.serialize(reply.timeStampToken));
    const info = readTimestampToken(token);
    if (Buffer.compare(info.messageImprint, Buffer.from(digest)) !== 0) throw new Error('the timestamp token covers a different digest');
    if (!info.nonce || Buffer.compare(stripLeadingZeros(info.nonce), stripLeadingZeros(nonce)) !== 0) throw new Error('the timestamp token answers another request (nonce)');
    return token;
  };
}

export interface TimestampTokenInfo {
  readonly genTime: Date;
  readonly messageImprint: Buffer;
  readonly hashAlgorithm: string;
  readonly nonce?: Buffer;
  readonly serialNumber: Buffer;
  readonly signedData: SignedData;
}

/** The TSTInfo inside a timestamp token (a SignedData whose content is the TSTInfo). */
export function readTimestampToken(tokenDer: Uint8Array): TimestampTokenInfo {
  const contentInfo = AsnConvert.parse(tokenDer, ContentInfo);
  if (contentInfo.contentType !== OIDS.signedData) throw new Error('the timestamp token is not a SignedData');
  const signedData = AsnConvert.parse(contentInfo.content, SignedData);
  const { eContentType, eContent } = signedData.encapContentInfo;
  const content = eContent?.single?.buffer ?? eContent?.any;
  if (eContentType !== OIDS.tstInfo || !content) throw new Error('the timestamp token carries no TSTInfo');
  const info = AsnConvert.parse(content, TSTInfo);
  return {
    genTime: info.genTime,
    messageImprint: Buffer.from(info.messageImprint.hashedMessage.buffer),
    hashAlgorithm: info.messageImprint.hashAlgorithm.algorithm,
    nonce: info.nonce ? Buffer.from(info.nonce) : undefined,
    serialNumber: Buffer.from(info.serialNumber),
    signedData,
  };
}

function stripLeadingZeros(bytes: Buffer): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
  return bytes.subarray(start);
}
