import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { developmentSealPaths, ensureDevelopmentSeal } from '../../infra/pki/development-seal';
import { startLocalPki, type LocalPki } from '../../infra/pki/local-pki';
import { startLocalTimestampAuthority, type LocalTimestampAuthority } from '../../infra/pki/timestamp-authority';
import { renderSealedCertificate } from '../../functions/pdf/render-sealed-certificate';
import { verifySealedPdf } from '../../functions/pdf/verify-seal';
import { inMemorySigner } from '../../functions/seal/in-memory-signer';
import { certificatesFromPem, type SealSigner } from '../../functions/seal/signer';
import { rfc3161Timestamps } from '../../functions/seal/timestamp';
import { certificateFacts } from '../../functions/seal/validation/certificate-facts';
import { benchCertificateInput, fixtures } from '../../tools/bench/certificate-input';

const run = promisify(execFile);

/** Sealing to PAdES B-LTA against the local PKI: `openssl ocsp` answers, CRLs are served, the TSA is certified by the PKI. */
describe('long-term validation with the local PKI', () => {
  let dir: string;
  let pki: LocalPki;
  let tsa: LocalTimestampAuthority;
  let signer: SealSigner;
  let root: Buffer;
  const seal = (longTerm: boolean) => renderSealedCertificate(benchCertificateInput(fixtures[0]!, 'cmt_01jdltatest000000000000001'), signer, {
    timestamp: rfc3161Timestamps(tsa.url),
    ...(longTerm ? { longTermValidation: {} } : {}),
  });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'lta-'));
    const development = await ensureDevelopmentSeal(dir);
    pki = await startLocalPki({ port: 0, dataDir: dir, sealPrivateKeyFile: developmentSealPaths(dir).privateKey });
    tsa = await startLocalTimestampAuthority({ port: 0, dataDir: dir, issuedBy: { key: pki.files.timestampKey, certificateFile: pki.files.timestampCertificate, certificateChainPem: pki.timestampChainPem() } });
    const chain = certificatesFromPem(pki.sealChainPem());
    root = chain.at(-1)!;
    signer = inMemorySigner(development.privateKeyPem, chain);
  });
  afterAll(async () => {
    await tsa?.stop();
    await pki?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reaches B-LTA, stays valid past the seal certificate\'s expiry, while B-T then fails with the reason', async () => {
    const lta = await seal(true);
    const trust = { sealAnchors: [root], timestampAnchors: [root] };
    const now = await verifySealedPdf(lta, trust);
    expect(now.failures).toEqual([]);
    expect(now.level).toBe('B-LTA');

    const sealExpiry = certificateFacts(certificatesFromPem(readFileSync(pki.files.sealCertificate, 'utf8'))[0]!).notAfter;
    const afterExpiry = new Date(sealExpiry.getTime() + 86_400_000);
    const later = await verifySealedPdf(lta, { ...trust, at: afterExpiry });
    expect(later.failures).toEqual([]);
    expect(later.level).toBe('B-LTA');

    const bt = await seal(false);
    expect((await verifySealedPdf(bt, trust)).level).toBe('B-T');
    const btLater = await verifySealedPdf(bt, { ...trust, at: afterExpiry });
    expect(btLater.valid).toBe(false);
    expect(btLater.failures.map((failure) => failure.code)).toEqual(['EXPIRED_WITHOUT_LONG_TERM_DATA']);
    expect(btLater.failures[0]!.message).toContain('European Ports Alliance development seal');
  });

  it('pdfsig still finds the seal valid and lists the document timestamp; openssl verifies the embedded OCSP responses', async () => {
    const lta = await seal(true);
    const file = path.join(dir, 'lta.pdf');
    writeFileSync(file, lta);
    const { stdout } = await run('pdfsig', [file]).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
    expect(stdout).toMatch(/Signature #1:[\s\S]*Signature Validation: Signature is Valid\./);
    expect(stdout).toMatch(/Signature #2:[\s\S]*Document timestamp/);

    const responses = [...lta.toString('latin1').matchAll(/\/OCSPs \[([^\]]*)\]/g)].at(-1)![1]!.trim().split(/\s+R\s*/).filter(Boolean);
    expect(responses.length).toBe(2); // the seal's and the timestamp authority's certificates
    const dss = await import('../../functions/pdf/incremental-updates').then(({ updatesAfterSeal }) => updatesAfterSeal(lta, lta.indexOf('%%EOF') + 5));
    for (const [index, response] of (dss.dss?.ocspResponses ?? []).entries()) {
      const respin = path.join(dir, `ocsp-${index}.der`);
      writeFileSync(respin, response);
      const verified = await run('openssl', ['ocsp', '-respin', respin, '-CAfile', pki.files.rootCertificate, '-verify_other', pki.files.issuingCaCertificate, '-resp_text']);
      expect(verified.stderr).toContain('Response verify OK');
      expect(verified.stdout).toContain('Cert Status: good');
    }
    expect(dss.dss?.ocspResponses.length).toBe(2);
    expect(dss.dss?.crls.length).toBe(1); // the root's, for the issuing CA
  });

  it('fails the seal, storing nothing, when the revocation data cannot be fetched', async () => {
    const unreachable: typeof fetch = async () => { throw new Error('connection refused'); };
    await expect(renderSealedCertificate(benchCertificateInput(fixtures[0]!, 'cmt_01jdltatest000000000000002'), signer, {
      timestamp: rfc3161Timestamps(tsa.url),
      longTermValidation: { fetch: unreachable },
    })).rejects.toThrow(/could not be fetched/);
  });

  it('reports a seal certificate revoked in the PKI as revoked', async () => {
    await pki.revoke(readFileSync(pki.files.sealCertificate, 'utf8'));
    const report = await verifySealedPdf(await seal(true), { sealAnchors: [root], timestampAnchors: [root] });
    expect(report.valid).toBe(false);
    expect(report.failures.map((failure) => failure.code)).toContain('CERTIFICATE_REVOKED');
  });
});
