import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('refuses a body that is not a timestamp request', async () => {
    const timestamps = rfc3161Timestamps(tsa.url, (url, init) => fetch(url, { ...init, body: new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]) }));
    await expect(timestamps(Buffer.alloc(32))).rejects.toThrow(/refused the request.*not a DER TimeStampReq/);
  });
});
