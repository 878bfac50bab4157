import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { MessageImprint, TimeStampReq, TSTInfo } from '@peculiar/asn1-tsp';
import { AlgorithmIdentifier, Extension, Extensions } from '@peculiar/asn1-x509';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OIDS, derElement, derElements } from '../../functions/seal/cms-asn1';
import { readSignedCms } from '../../functions/seal/validation/cms-signature';
import { readTimestampToken, rfc3161Timestamps } from '../../functions/seal/timestamp';
import { freePort } from '../../infra/local/aws-local';
import { startLocalTimestampAuthority, type LocalTimestampAuthority } from '../../infra/pki/timestamp-authority';

const workDir = mkdtempSync(join(tmpdir(), 'epa-tsa-'));
let tsa: LocalTimestampAuthority;

beforeAll(async () => {
  tsa = await startLocalTimestampAuthority({ port: await freePort(), dataDir: workDir });
}, 60_000);

afterAll(async () => {
  await tsa?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

function openssl(args: string[]) {
  const result = spawnSync('openssl', args, { encoding: 'utf8' });
  if (result.error) throw result.error;
  return result;
}

async function post(query: Buffer): Promise<Buffer> {
  const response = await fetch(tsa.url, { method: 'POST', headers: { 'content-type': 'application/timestamp-query' }, body: new Uint8Array(query) });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

describe('the local timestamp authority', () => {
  it('keeps its key and certificate under <dataDir>/tsa', () => {
    expect(existsSync(join(workDir, 'tsa', 'tsa.key'))).toBe(true);
    expect(tsa.certificateFile).toBe(join(workDir, 'tsa', 'tsa.crt'));
  });

  it('answers an OpenSSL request with a reply that OpenSSL verifies against the request (imprint, nonce, certificate)', async () => {
    const dataFile = join(workDir, 'data.txt');
    writeFileSync(dataFile, 'the signature value to timestamp');
    const queryFile = join(workDir, 'request.tsq');
    expect(openssl(['ts', '-query', '-data', dataFile, '-sha256', '-cert', '-out', queryFile]).status).toBe(0);
    const replyFile = join(workDir, 'reply.tsr');
    writeFileSync(replyFile, await post(readFileSync(queryFile)));

    const verified = openssl(['ts', '-verify', '-queryfile', queryFile, '-in', replyFile, '-CAfile', tsa.certificateFile]);
    expect(verified.stdout + verified.stderr).toContain('Verification: OK');
    const text = openssl(['ts', '-reply', '-in', replyFile, '-text']).stdout;
    expect(text).toContain('Status: Granted.');
    expect(text).toContain('Policy OID: 2.999.1');
    expect(text).toContain('TSA: DirName:/C=BE/O=European Ports Alliance (development)/CN=European Ports Alliance development timestamp authority');
  });

  it('gives every token its own serial number and the current time', async () => {
    const timestamps = rfc3161Timestamps(tsa.url);
    const digest = createHash('sha256').update('same digest twice').digest();
    const tokens = await Promise.all([timestamps(digest), timestamps(digest), timestamps(digest)]);
    const infos = tokens.map(readTimestampToken);
    expect(new Set(infos.map((info) => info.serialNumber.toString('hex'))).size).toBe(3);
    for (const info of infos) {
      expect(info.messageImprint).toEqual(digest);
      expect(Math.abs(info.genTime.getTime() - Date.now())).toBeLessThan(5_000);
    }
  });

  it('refuses, with the reason, an imprint made with an algorithm it does not accept', async () => {
    const dataFile = join(workDir, 'data.txt');
    writeFileSync(dataFile, 'hashed with SHA-1');
    const queryFile = join(workDir, 'sha1.tsq');
    expect(openssl(['ts', '-query', '-data', dataFile, '-sha1', '-out', queryFile]).status).toBe(0);
    const replyFile = join(workDir, 'sha1.tsr');
    writeFileSync(replyFile, await post(readFileSync(queryFile)));
    const text = openssl(['ts', '-reply', '-in', replyFile, '-text']).stdout;
    expect(text).toContain('Status: Rejected.');
    expect(text).toContain('1.3.14.3.2.26 is not accepted');
  });

  it('has its tokens read by the seal code, which refuses a value that is not a token', async () => {
    const digest = createHash('sha256').update('read me').digest();
    const token = await rfc3161Timestamps(tsa.url)(digest);
    expect(readTimestampToken(token).hashAlgorithm).toBe('2.16.840.1.101.3.4.2.1');
    expect(() => readTimestampToken(Buffer.from('3003020101', 'hex'))).toThrow(/not a SignedData/);
    expect(() => readTimestampToken(token.subarray(0, token.length - 1))).toThrow(/not DER/);
  });

  it('writes a TSTInfo that @peculiar/asn1-tsp reads and writes back to the same bytes, with the request\'s imprint and nonce', async () => {
    const imprint = createHash('sha256').update('imprint').digest();
    for (const nonce of [undefined, Buffer.from([0x00, 0x91, 0x02]), Buffer.from([0x05])]) {
      const request = new TimeStampReq({
        version: 1,
        messageImprint: new MessageImprint({ hashAlgorithm: new AlgorithmIdentifier({ algorithm: OIDS.sha256, parameters: null }), hashedMessage: new OctetString(imprint) }),
        nonce: nonce ? new Uint8Array(nonce).buffer : undefined,
        certReq: true,
      });
      const [, token] = derElements(derElement(await post(Buffer.from(AsnConvert.serialize(request))), 0x30).contents);
      const content = readSignedCms(token!.encoded).content!;
      const info = AsnConvert.parse(content, TSTInfo);
      expect(Buffer.from(AsnConvert.serialize(info))).toEqual(content);
      expect(Buffer.from(info.messageImprint.hashedMessage.buffer)).toEqual(imprint);
      expect(info.messageImprint.hashAlgorithm.parameters).toBeNull(); // the request's NULL parameters, kept
      expect(info.nonce ? Buffer.from(info.nonce) : undefined).toEqual(nonce);
      expect(info.accuracy?.seconds).toBe(1);
      expect(info.tsa?.directoryName).toBeDefined();
    }
  });

  it('refuses, with the reason, a request of another version, for another policy, or with extensions', async () => {
    const ask = async (change: Partial<TimeStampReq>) => {
      const request = new TimeStampReq({ version: 1, messageImprint: new MessageImprint({ hashAlgorithm: new AlgorithmIdentifier({ algorithm: OIDS.sha256 }), hashedMessage: new OctetString(Buffer.alloc(32)) }), ...change });
      return (await post(Buffer.from(AsnConvert.serialize(request)))).toString('latin1');
    };
    expect(await ask({ version: 2 as TimeStampReq['version'] })).toContain('version 2 requests are not supported');
    expect(await ask({ reqPolicy: '2.999.2' })).toContain('the policy 2.999.2 is not offered (only 2.999.1)');
    expect(await ask({ messageImprint: new MessageImprint({ hashAlgorithm: new AlgorithmIdentifier({ algorithm: OIDS.sha256 }), hashedMessage: new OctetString(Buffer.alloc(20)) }) })).toContain('the message imprint is 20 bytes, not 32');
    expect(await ask({ extensions: new Extensions([new Extension({ extnID: '2.999.3', critical: false, extnValue: new OctetString(Buffer.alloc(1)) })]) })).toContain('request extensions are not supported');
  });

  it('refuses a body that is not a timestamp request', async () => {
    const timestamps = rfc3161Timestamps(tsa.url, (url, init) => fetch(url, { ...init, body: new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]) }));
    await expect(timestamps(Buffer.alloc(32))).rejects.toThrow(/refused the request.*not a DER TimeStampReq/);
  });
});
