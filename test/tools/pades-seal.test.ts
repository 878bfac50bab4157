import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AsnConvert } from '@peculiar/asn1-schema';
import { ContentInfo, SignedData } from '@peculiar/asn1-cms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSealedCertificate } from '../../functions/pdf/render-sealed-certificate';
import { verifySealedPdf } from '../../functions/pdf/verify-seal';
import { sealTestInput } from '../support/certificate-input';
import { addDocumentTimestamp, addDss } from '../support/seal-forgery';
import { OIDS } from '../../functions/seal/cms-asn1';
import { createDevelopmentSeal, type DevelopmentSeal } from '../../functions/seal/in-memory-signer';
import { kmsPublicKey, kmsSigner } from '../../functions/seal/kms-signer';
import { certificateToPem, certificatesFromPem } from '../../functions/seal/signer';
import { rfc3161Timestamps } from '../../functions/seal/timestamp';
import { createCertificateSigningRequest } from '../../functions/seal/x509-builder';
import { LOCAL_CREDENTIALS, LOCAL_REGION, freePort } from '../../infra/local/aws-local';
import { developmentSealPaths } from '../../infra/pki/development-seal';
import { startLocalKms, type LocalKms } from '../../infra/local/kms';
import { startLocalTimestampAuthority, type LocalTimestampAuthority } from '../../infra/pki/timestamp-authority';

const input = sealTestInput();

const workDir = mkdtempSync(join(tmpdir(), 'epa-pades-'));
let seal: DevelopmentSeal;
let tsa: LocalTimestampAuthority;
let kms: LocalKms;

beforeAll(async () => {
  seal = await createDevelopmentSeal();
  tsa = await startLocalTimestampAuthority({ port: await freePort(), dataDir: workDir });
  kms = await startLocalKms({ port: await freePort(), keys: { 'test-seal': seal.privateKeyPem } });
  // The KMS client finds the local endpoint as a Lambda would find AWS: through the SDK's standard variables.
  Object.assign(process.env, { AWS_ENDPOINT_URL_KMS: kms.url, AWS_REGION: LOCAL_REGION, AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey });
}, 60_000);

afterAll(async () => {
  await tsa?.stop();
  await kms?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) throw result.error;
  return result;
}

function save(name: string, bytes: Uint8Array): string {
  const path = join(workDir, name);
  writeFileSync(path, bytes);
  return path;
}

function signerInfoOf(pdf: Buffer) {
  const report = /\/Contents\s*<([0-9A-Fa-f]+)>/.exec(pdf.toString('latin1'));
  const contentInfo = AsnConvert.parse(Buffer.from(report![1]!, 'hex'), ContentInfo);
  return AsnConvert.parse(contentInfo.content, SignedData).signerInfos[0]!;
}

describe('PAdES baseline seal', () => {
  // What the seal holds is checked without other programs in test/unit/pades-seal.test.ts.
  it('is a whole-document ETSI.CAdES.detached signature that pdfsig finds valid, in a file qpdf finds sound (B-B)', async () => {
    const pdf = await renderSealedCertificate(input, seal.signer);
    const path = save('b-b.pdf', pdf);
    const pdfsig = run('pdfsig', [path]).stdout;
    expect(pdfsig).toContain('Signature is Valid');
    expect(pdfsig).toContain('Total document signed');
    expect(pdfsig).toContain('ETSI.CAdES.detached');
    expect(run('qpdf', ['--check', path]).status).toBe(0);
  });

  it('adds an RFC 3161 signature timestamp over the signature value when an authority is configured (B-T)', async () => {
    const pdf = await renderSealedCertificate(input, seal.signer, { timestamp: rfc3161Timestamps(tsa.url) });
    const token = signerInfoOf(pdf).unsignedAttrs?.find((attribute) => attribute.attrType === OIDS.signatureTimeStampToken);
    expect(token).toBeDefined();
    const report = await verifySealedPdf(pdf, { sealAnchors: [seal.certificateDer], timestampAnchors: certificatesFromPem(readFileSync(tsa.certificateFile, 'utf8')) });
    expect(report.checks.find((check) => check.name === 'signature timestamp')?.passed).toBe(true);
    expect(report.level).toBe('B-T');
    expect(report.validationTimeSource).toBe('signature timestamp');
    expect(Math.abs(new Date(report.timestampTime!).getTime() - Date.now())).toBeLessThan(60_000);

    const path = save('b-t.pdf', pdf);
    expect(run('pdfsig', [path]).stdout).toContain('Signature is Valid');
    // The token itself verifies with OpenSSL against the authority's certificate.
    const tokenFile = save('token.der', new Uint8Array(token!.attrValues[0]!));
    const signature = Buffer.from(signerInfoOf(pdf).signature.buffer);
    const verified = run('openssl', ['ts', '-verify', '-token_in', '-in', tokenFile, '-digest', createHash('sha256').update(signature).digest('hex'), '-CAfile', tsa.certificateFile]);
    expect(verified.stdout + verified.stderr).toContain('Verification: OK');
  });

  it('writes a B-T CMS, timestamp token included, that @peculiar/asn1-cms reads and writes back to identical bytes', async () => {
    const pdf = await renderSealedCertificate(input, seal.signer, { timestamp: rfc3161Timestamps(tsa.url) });
    const contents = Buffer.from(/\/Contents\s*<([0-9A-Fa-f]+)>/.exec(pdf.toString('latin1'))![1]!, 'hex');
    const reencode = (cms: Uint8Array) => {
      const contentInfo = AsnConvert.parse(cms, ContentInfo);
      const signedData = AsnConvert.parse(contentInfo.content, SignedData);
      return { signedData, bytes: Buffer.from(AsnConvert.serialize(new ContentInfo({ contentType: contentInfo.contentType, content: AsnConvert.serialize(signedData) }))) };
    };
    const sealed = reencode(contents);
    expect(contents.subarray(0, sealed.bytes.length).equals(sealed.bytes), 'the re-encoded SignedData differs from ours').toBe(true);
    expect(contents.subarray(sealed.bytes.length).every((byte) => byte === 0), 'bytes of ours that the schema has no place for').toBe(true);
    const token = Buffer.from(sealed.signedData.signerInfos[0]!.unsignedAttrs!.find((attribute) => attribute.attrType === OIDS.signatureTimeStampToken)!.attrValues[0]!);
    expect(reencode(token).bytes.equals(token), 'the re-encoded timestamp token differs from the one embedded').toBe(true);
  });

  it('seals through the KMS signer against the local KMS endpoint (Sign with MessageType DIGEST)', async () => {
    const signer = kmsSigner('test-seal', [seal.certificateDer]);
    const pdf = await renderSealedCertificate(input, signer);
    expect(run('pdfsig', [save('kms.pdf', pdf)]).stdout).toContain('Signature is Valid');
    expect((await verifySealedPdf(pdf, [seal.certificateDer])).valid).toBe(true);
  });

  it('refuses a key the local KMS does not hold, as KMS does', async () => {
    await expect(kmsSigner('no-such-key', [seal.certificateDer]).signDigest(Buffer.alloc(32))).rejects.toThrow(/does not exist/);
  });

  it('makes a certificate request for the KMS key that OpenSSL verifies', async () => {
    const publicKey = await kmsPublicKey('test-seal');
    const csr = await createCertificateSigningRequest({ commonName: 'European Commission Ports Alliance seal', organization: 'European Commission', country: 'BE' }, publicKey, 'rsa', (digest) => kmsSigner('test-seal', [seal.certificateDer]).signDigest(digest));
    const result = run('openssl', ['req', '-in', save('seal.csr', Buffer.from(csr)), '-noout', '-verify', '-subject']);
    expect(result.stdout + result.stderr).toMatch(/verify OK/i);
    expect(result.stdout).toContain('CN = European Commission Ports Alliance seal');
  });
});

describe('long-term validation data added by incremental updates', () => {
  it('leaves the seal valid for pdfsig and the file sound for qpdf, while our verifier reads B-LT, then B-LTA', async () => {
    const timestamps = rfc3161Timestamps(tsa.url);
    const sealed = await renderSealedCertificate(input, seal.signer, { timestamp: timestamps });
    const trust = { sealAnchors: [seal.certificateDer], timestampAnchors: certificatesFromPem(readFileSync(tsa.certificateFile, 'utf8')) };
    const longTerm = await addDss(sealed, { certificates: [seal.certificateDer] });
    const archived = await addDocumentTimestamp(longTerm, timestamps);
    for (const [name, pdf, level] of [['b-lt.pdf', longTerm, 'B-LT'], ['b-lta.pdf', archived, 'B-LTA']] as const) {
      const file = save(name, pdf);
      const pdfsig = run('pdfsig', [file]).stdout;
      expect(pdfsig.split('Signature #2')[0], name).toContain('Signature is Valid');
      expect(run('qpdf', ['--check', file]).status, name).toBe(0);
      const report = await verifySealedPdf(pdf, trust);
      expect(report.failures, name).toEqual([]);
      expect(report.level, name).toBe(level);
    }
  });
});

describe('npm run verify', () => {
  const verifyWith = (file: string, options: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'tools/verify-pdf.ts', file, ...options], { encoding: 'utf8', cwd: join(import.meta.dirname, '../..') });
  const verify = (file: string, trust: string) => verifyWith(file, ['--trust', trust, '--trust-tsa', tsa.certificateFile]);
  let good: string;
  let trust: string;

  beforeAll(async () => {
    good = save('to-verify.pdf', await renderSealedCertificate(input, seal.signer, { timestamp: rfc3161Timestamps(tsa.url) }));
    trust = save('trust.pem', Buffer.from(certificateToPem(seal.certificateDer)));
  });

  it('passes an untouched file at PAdES B-T: seal, hash, verified timestamp and issuing certificate', () => {
    const result = verify(good, trust);
    expect(result.stdout).toContain('VALID: PAdES B-T.');
    expect(result.stdout).toContain('limitation  NO_LONG_TERM_DATA');
    expect(result.stdout).toContain('ok    signature timestamp');
    expect(result.status).toBe(0);
  });

  it('fails a file with one flipped byte in the signed range, naming the hash', () => {
    const bytes = readFileSync(good);
    // The header's binary comment: inside the first signed range, and the file stays parseable.
    const offset = bytes.indexOf('\n%') + 2;
    bytes[offset] = (bytes[offset] ?? 0) ^ 0x01;
    const result = verify(save('tampered.pdf', bytes), trust);
    expect(result.stdout).toContain('FAIL  document hash');
    expect(result.stdout).toContain('failure     DOCUMENT_HASH_MISMATCH');
    expect(result.stdout).toContain('INVALID');
    expect(result.status).toBe(1);
  });

  it('trusts, without --trust, the development seal and timestamp certificates where a local stack keeps them in its data directory', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ports-alliance-verify-'));
    try {
      const { dir, certificate } = developmentSealPaths(dataDir);
      mkdirSync(dir, { recursive: true });
      copyFileSync(trust, certificate);
      mkdirSync(join(dataDir, 'tsa'));
      copyFileSync(tsa.certificateFile, join(dataDir, 'tsa', 'tsa.crt'));
      const result = verifyWith(good, ['--data-dir', dataDir]);
      expect(result.stdout).toContain(`trusted for seals     ${certificate}`);
      expect(result.stdout).toContain('VALID: PAdES B-T.');
      expect(result.status).toBe(0);
      expect(verifyWith(good, ['--data-dir', join(dataDir, 'elsewhere')]).status).toBe(2);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('fails a seal made with a certificate that is not trusted', async () => {
    const stranger = await createDevelopmentSeal();
    const result = verify(save('stranger.pdf', await renderSealedCertificate(input, stranger.signer)), trust);
    expect(result.stdout).toContain('FAIL  seal certificate path');
    expect(result.stdout).toContain('failure     CERTIFICATE_UNTRUSTED');
    expect(result.status).toBe(1);
  });
});
