import { execFile } from 'node:child_process';
import { createPrivateKey, randomBytes, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { AsnConvert } from '@peculiar/asn1-schema';
import { PKIFreeText, PKIStatus, PKIStatusInfo, TimeStampResp } from '@peculiar/asn1-tsp';
import { Certificate } from '@peculiar/asn1-x509';
import { signedData, signerCertificates } from '../../functions/seal/cades';
import { OIDS, der, derElement, derElements, objectIdentifierOf } from '../../functions/seal/cms-asn1';
import { certificatesFromPem, sha256 } from '../../functions/seal/signer';
import { closeServer, listenLocally } from '../local-server';

const run = promisify(execFile);

/** The policy under which this authority issues tokens (2.999 is the arc for examples). */
const TIMESTAMP_POLICY = '2.999.1';

/** Message-imprint algorithms accepted, with their digest lengths. */
const DIGEST_LENGTHS: Readonly<Record<string, number>> = {
  [OIDS.sha256]: 32,
  '2.16.840.1.101.3.4.2.2': 48, // SHA-384
  '2.16.840.1.101.3.4.2.3': 64, // SHA-512
};

export interface LocalTimestampAuthority {
  /** POST an RFC 3161 TimeStampReq here. */
  readonly url: string;
  /** The authority's self-signed certificate (PEM file), to check its tokens. */
  readonly certificateFile: string;
  stop(): Promise<void>;
}

/** True when the `openssl` command is here; the local timestamp authority creates its key and certificate with it. */
export async function opensslAvailable(): Promise<boolean> {
  try {
    await run('openssl', ['version']);
    return true;
  } catch {
    return false;
  }
}

/**
 * A local RFC 3161 timestamp authority (`application/timestamp-query` in, `application/timestamp-reply`
 * out) that answers in this process, with the key and certificate chain the local PKI issued (`issuedBy`),
 * or else a self-signed development TSA key and certificate created under `<dataDir>/tsa` on first start. It stands in for a qualified timestamp service, unreachable from here.
 */
export async function startLocalTimestampAuthority(options: {
  port: number;
  dataDir: string;
  issuedBy?: { key: string; certificateChainPem: string; certificateFile: string };
  /** Called for every token issued (a qualified authority bills per token). */
  onTokenIssued?: () => void;
}): Promise<LocalTimestampAuthority> {
  const files = options.issuedBy ? { key: options.issuedBy.key, certificate: options.issuedBy.certificateFile } : await ensureTsaFiles(path.join(options.dataDir, 'tsa'));
  const issue = timestampIssuer(readFileSync(files.key, 'utf8'), options.issuedBy?.certificateChainPem ?? readFileSync(files.certificate, 'utf8'));

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || !String(request.headers['content-type'] ?? '').startsWith('application/timestamp-query')) {
        response.writeHead(400, { 'content-type': 'text/plain' });
        response.end('POST an RFC 3161 request as application/timestamp-query');
        return;
      }
      let reply: Buffer;
      try {
        reply = issue(Buffer.concat(chunks));
      } catch (error) {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(`timestamp failed: ${(error as Error).message}`);
        return;
      }
      options.onTokenIssued?.();
      response.writeHead(200, { 'content-type': 'application/timestamp-reply', 'content-length': String(reply.length) });
      response.end(reply);
    });
  });
  const url = await listenLocally(server, options.port);
  return { url: `${url}/tsa`, certificateFile: files.certificate, stop: () => closeServer(server) };
}

/**
 * Answers a DER TimeStampReq with a DER TimeStampResp: a token (RFC 3161, section 2.4.2) signed by the
 * given key, or a rejection naming what is wrong with the request. The token's TSTInfo carries the
 * request's imprint and nonce, a random 127-bit serial number (unique without keeping state), the time to
 * the second with an accuracy of one second, and the authority's name; its SignerInfo binds the
 * certificate with signing-certificate-v2 (RFC 5816).
 */
function timestampIssuer(privateKeyPem: string, certificatePem: string, now: () => Date = () => new Date()): (requestDer: Uint8Array) => Buffer {
  const key: KeyObject = createPrivateKey(privateKeyPem);
  const chain = certificatesFromPem(certificatePem);
  if (chain.length === 0) throw new Error('the timestamp authority certificate file holds no certificate');
  const certificates = signerCertificates(chain);
  // tsa [0] GeneralName: directoryName [4] Name, both explicit (a CHOICE cannot be tagged implicitly).
  const authorityName = der.context(0, der.context(4, new Uint8Array(AsnConvert.serialize(AsnConvert.parse(chain[0]!, Certificate).tbsCertificate.subject))));

  return (requestDer) => {
    let request: TimestampRequest;
    try {
      request = readTimestampRequest(requestDer);
    } catch {
      return rejection('the request is not a DER TimeStampReq');
    }
    const problem = requestProblem(request);
    if (problem) return rejection(problem);

    // TSTInfo ::= SEQUENCE { version, policy, messageImprint, serialNumber, genTime, accuracy, ordering DEFAULT FALSE, nonce, tsa [0] GeneralName, ... }
    // The imprint and the nonce are the request's own bytes, as RFC 3161 (2.4.2) asks them to be.
    const tstInfo = der.sequence(
      der.smallInteger(1),
      der.objectIdentifier(TIMESTAMP_POLICY),
      request.messageImprint,
      der.integerBytes(serialNumber()),
      generalizedTime(now()),
      ACCURACY_ONE_SECOND,
      ...(request.nonce ? [request.nonce] : []),
      authorityName,
    );
    const signedAttributes = der.setOf(
      der.attribute(OIDS.contentType, der.objectIdentifier(OIDS.tstInfo)),
      der.attribute(OIDS.messageDigest, der.octetString(sha256(tstInfo))),
      certificates.signingCertificateAttribute,
    );
    const token = signedData({
      certificates,
      contentType: OIDS.tstInfo,
      content: tstInfo,
      includeCertificates: request.certReq,
      signedAttributes,
      signatureValue: sign('sha256', signedAttributes, key),
    });
    // TimeStampResp ::= SEQUENCE { status PKIStatusInfo (granted), timeStampToken }
    return der.sequence(der.sequence(der.smallInteger(PKIStatus.granted)), token);
  };
}

/** Accuracy ::= SEQUENCE { seconds INTEGER OPTIONAL, ... }: one second, as the time is given to the second. */
const ACCURACY_ONE_SECOND = der.sequence(der.smallInteger(1));

/** GeneralizedTime to the whole second: DER forbids trailing zeros in fractions, and the accuracy is one second anyway. */
function generalizedTime(time: Date): Buffer {
  return der.value(0x18, Buffer.from(time.toISOString().replace(/[-:T]/g, '').replace(/\.\d+Z$/, 'Z'), 'latin1'));
}

/** What a TimeStampReq asks, read with the DER reader: the imprint and the nonce kept as their DER. */
interface TimestampRequest {
  readonly version: number;
  readonly hashAlgorithm: string;
  readonly hashedMessageLength: number;
  readonly messageImprint: Uint8Array;
  readonly reqPolicy?: string;
  readonly nonce?: Uint8Array;
  readonly certReq: boolean;
  readonly hasExtensions: boolean;
}

/**
 * TimeStampReq ::= SEQUENCE { version INTEGER, messageImprint SEQUENCE { hashAlgorithm AlgorithmIdentifier,
 * hashedMessage OCTET STRING }, reqPolicy OBJECT IDENTIFIER OPTIONAL, nonce INTEGER OPTIONAL, certReq BOOLEAN
 * DEFAULT FALSE, extensions [0] IMPLICIT Extensions OPTIONAL }. Throws when the bytes are not one.
 */
function readTimestampRequest(requestDer: Uint8Array): TimestampRequest {
  const fields = derElements(derElement(requestDer, 0x30).contents);
  const take = (tag: number) => (fields[0]?.tag === tag ? fields.shift() : undefined);
  const version = take(0x02);
  const messageImprint = take(0x30);
  const reqPolicy = take(0x06);
  const nonce = take(0x02);
  const certReq = take(0x01);
  const extensions = take(0xa0);
  if (!version || version.contents.length !== 1 || !messageImprint || fields.length > 0) throw new Error('not a TimeStampReq');
  if (certReq && (certReq.contents.length !== 1 || (certReq.contents[0] !== 0 && certReq.contents[0] !== 0xff))) throw new Error('not a BOOLEAN');
  const [algorithm, hashedMessage, ...more] = derElements(messageImprint.contents);
  const [algorithmId] = algorithm?.tag === 0x30 ? derElements(algorithm.contents) : [];
  if (algorithmId?.tag !== 0x06 || hashedMessage?.tag !== 0x04 || more.length > 0) throw new Error('not a MessageImprint');
  return {
    version: version.contents[0]!,
    hashAlgorithm: objectIdentifierOf(algorithmId.encoded),
    hashedMessageLength: hashedMessage.contents.length,
    messageImprint: messageImprint.encoded,
    reqPolicy: reqPolicy ? objectIdentifierOf(reqPolicy.encoded) : undefined,
    nonce: nonce?.encoded,
    certReq: certReq?.contents[0] === 0xff,
    hasExtensions: extensions !== undefined && extensions.contents.length > 0,
  };
}

/** Why the request cannot be granted, or undefined when it can. */
function requestProblem(request: TimestampRequest): string | undefined {
  if (request.version !== 1) return `version ${request.version} requests are not supported`;
  const digestLength = DIGEST_LENGTHS[request.hashAlgorithm];
  if (digestLength === undefined) return `the hash algorithm ${request.hashAlgorithm} is not accepted (SHA-256, SHA-384 or SHA-512)`;
  if (request.hashedMessageLength !== digestLength) return `the message imprint is ${request.hashedMessageLength} bytes, not ${digestLength}`;
  if (request.reqPolicy !== undefined && request.reqPolicy !== TIMESTAMP_POLICY) return `the policy ${request.reqPolicy} is not offered (only ${TIMESTAMP_POLICY})`;
  if (request.hasExtensions) return 'request extensions are not supported';
  return undefined;
}

function rejection(reason: string): Buffer {
  return Buffer.from(AsnConvert.serialize(new TimeStampResp({ status: new PKIStatusInfo({ status: PKIStatus.rejection, statusString: new PKIFreeText([reason]) }) })));
}

/** 16 random bytes with the first in 0x01..0x7f: a positive INTEGER in minimal DER. */
function serialNumber(): Buffer {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) || 0x01;
  return bytes;
}

async function ensureTsaFiles(dir: string): Promise<{ key: string; certificate: string }> {
  mkdirSync(dir, { recursive: true });
  const key = path.join(dir, 'tsa.key');
  const certificate = path.join(dir, 'tsa.crt');
  if (!existsSync(key) || !existsSync(certificate)) {
    await run('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', certificate, '-days', '3650',
      '-subj', '/C=BE/O=European Ports Alliance (development)/CN=European Ports Alliance development timestamp authority',
      '-addext', 'extendedKeyUsage=critical,timeStamping',
      '-addext', 'keyUsage=critical,digitalSignature',
    ]);
  }
  return { key, certificate };
}
