import { execFile } from 'node:child_process';
import { createPrivateKey, randomBytes, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Accuracy, PKIFreeText, PKIStatus, PKIStatusInfo, TimeStampReq, TimeStampResp, TSTInfo } from '@peculiar/asn1-tsp';
import { Certificate, GeneralName } from '@peculiar/asn1-x509';
import { signedData, signerCertificates } from '../../functions/seal/cades';
import { OIDS, der } from '../../functions/seal/cms-asn1';
import { certificatesFromPem, sha256 } from '../../functions/seal/signer';
import { toArrayBuffer } from '../../functions/seal/x509-builder';
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
export async function startLocalTimestampAuthority(options: { port: number; dataDir: string; issuedBy?: { key: string; certificateChainPem: string; certificateFile: string } }): Promise<LocalTimestampAuthority> {
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
  const authorityName = AsnConvert.parse(chain[0]!, Certificate).tbsCertificate.subject;

  return (requestDer) => {
    let request: TimeStampReq;
    try {
      request = AsnConvert.parse(requestDer, TimeStampReq);
    } catch {
      return rejection('the request is not a DER TimeStampReq');
    }
    const problem = requestProblem(request);
    if (problem) return rejection(problem);

    const tstInfo = Buffer.from(AsnConvert.serialize(new TSTInfo({
      policy: TIMESTAMP_POLICY,
      messageImprint: request.messageImprint,
      serialNumber: toArrayBuffer(serialNumber()),
      // Whole seconds: DER forbids trailing zeros in fractions, and the accuracy is one second anyway.
      genTime: new Date(Math.floor(now().getTime() / 1000) * 1000),
      accuracy: new Accuracy({ seconds: 1 }),
      nonce: request.nonce,
      tsa: new GeneralName({ directoryName: authorityName }),
    })));
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

/** Why the request cannot be granted, or undefined when it can. */
function requestProblem(request: TimeStampReq): string | undefined {
  if (request.version !== 1) return `version ${request.version} requests are not supported`;
  const { hashAlgorithm, hashedMessage } = request.messageImprint;
  const digestLength = DIGEST_LENGTHS[hashAlgorithm.algorithm];
  if (digestLength === undefined) return `the hash algorithm ${hashAlgorithm.algorithm} is not accepted (SHA-256, SHA-384 or SHA-512)`;
  if (hashedMessage.byteLength !== digestLength) return `the message imprint is ${hashedMessage.byteLength} bytes, not ${digestLength}`;
  if (request.reqPolicy !== undefined && request.reqPolicy !== TIMESTAMP_POLICY) return `the policy ${request.reqPolicy} is not offered (only ${TIMESTAMP_POLICY})`;
  if (request.extensions?.length) return 'request extensions are not supported';
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
