/**
 * `npm run bench:pdf`: how long building and sealing our PDFs takes, warm, in this process (the seal
 * signs with an in-memory development key, so KMS round trips are not included). The last line is JSON:
 * p50/p95 milliseconds, median CPU milliseconds and bytes of one certificate (B-B, and B-LTA through a local PKI
 * started here with `openssl`), of verifying a sealed B-LTA certificate (`verifyLta`), and of the joint declaration
 * for 1,000 and 5,000 signatories (`jointDeclarationLarge`). Options: --certificates N (default 40), --joint-runs N (default 3),
 * --joint-signatories N (the larger joint declaration, default 5,000).
 */
import { parseArgs } from 'node:util';
import { renderJointDeclaration, type JointSignatory } from '../../functions/pdf/joint-declaration';
import { renderSealedCertificate } from '../../functions/pdf/render-sealed-certificate';
import { sealPdf } from '../../functions/pdf/seal';
import { verifySealedPdf } from '../../functions/pdf/verify-seal';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDevelopmentSeal, inMemorySigner } from '../../functions/seal/in-memory-signer';
import { certificatesFromPem } from '../../functions/seal/signer';
import { rfc3161Timestamps } from '../../functions/seal/timestamp';
import { developmentSealPaths, ensureDevelopmentSeal } from '../../infra/pki/development-seal';
import { startLocalPki } from '../../infra/pki/local-pki';
import { startLocalTimestampAuthority } from '../../infra/pki/timestamp-authority';
import { benchCertificateInput, fixtures, text, textSha256 } from './certificate-input';

const { values } = parseArgs({ options: { certificates: { type: 'string', default: '40' }, 'joint-runs': { type: 'string', default: '3' }, 'joint-signatories': { type: 'string', default: '5000' } } });
const certificateRuns = Number(values.certificates);
const jointRuns = Number(values['joint-runs']);
const largeJoint = Number(values['joint-signatories']);
if (!Number.isInteger(largeJoint) || largeJoint < 1) throw new Error('--joint-signatories must be a whole number of at least 1');

const { signer } = await createDevelopmentSeal();
// B-LTA as the local stack seals: a seal chain from the local PKI, its timestamp authority, OCSP and CRLs over HTTP.
const pkiDir = mkdtempSync(path.join(tmpdir(), 'bench-pki-'));
const development = await ensureDevelopmentSeal(pkiDir);
const pki = await startLocalPki({ port: 0, dataDir: pkiDir, sealPrivateKeyFile: developmentSealPaths(pkiDir).privateKey });
const tsa = await startLocalTimestampAuthority({ port: 0, dataDir: pkiDir, issuedBy: { key: pki.files.timestampKey, certificateFile: pki.files.timestampCertificate, certificateChainPem: pki.timestampChainPem() } });
const pkiSigner = inMemorySigner(development.privateKeyPem, certificatesFromPem(pki.sealChainPem()));
const timestamp = rfc3161Timestamps(tsa.url);
const pkiRoot = certificatesFromPem(pki.sealChainPem()).at(-1)!;

const percentile = (samples: number[], p: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
};
const log = (line: string) => process.stderr.write(`${line}\n`);

async function certificate(index: number): Promise<number> {
  const fixture = fixtures[index % fixtures.length]!;
  const bytes = await renderSealedCertificate(benchCertificateInput(fixture, `cmt_01jdbench${String(index).padStart(16, '0')}`), signer);
  return bytes.length;
}

async function certificateLta(index: number): Promise<number> {
  const fixture = fixtures[index % fixtures.length]!;
  const bytes = await renderSealedCertificate(benchCertificateInput(fixture, `cmt_01jdbench${String(index).padStart(16, '0')}`), pkiSigner, { timestamp, longTermValidation: {} });
  return bytes.length;
}

/** Verifies one sealed B-LTA certificate as the seal task does before storing it, and as the public check does. */
async function verifyLta(lta: Buffer): Promise<number> {
  const report = await verifySealedPdf(lta, { sealAnchors: [pkiRoot], timestampAnchors: [pkiRoot] });
  if (report.level !== 'B-LTA') throw new Error(`the sealed certificate does not verify as B-LTA: ${JSON.stringify(report.failures)}`);
  return lta.length;
}

async function joint(count: number): Promise<number> {
  const signatories: JointSignatory[] = Array.from({ length: count }, (_, index) => {
    const fixture = fixtures[index % fixtures.length]!;
    return { organisation: `${fixture.organisation} ${index + 1}`, category: fixture.category, country: fixture.country, signer: fixture.contact, signedAt: '2026-11-26T12:00:00Z' };
  });
  const doc = await renderJointDeclaration({ documentId: 'dcl_01jdbench0000000000000000', declaration: { title: 'Joint Declaration of the European Ports Alliance', version: '1.0', language: 'en', text, textSha256 }, closedAt: '2026-12-01T17:00:00Z', signatories, verificationUrl: 'https://signing.ports-alliance.example.eu/verify/dcl_01jdbench0000000000000000' });
  return (await sealPdf(doc, signer, { name: 'European Commission', reason: 'Joint declaration', location: 'Brussels', contactInfo: 'European Commission' })).length;
}

async function measure(label: string, runs: number, warmups: number, once: (index: number) => Promise<number>) {
  for (let index = 0; index < warmups; index++) await once(index);
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  let bytes = 0;
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    bytes = await once(index);
    const cpu = process.cpuUsage(cpuBefore);
    samples.push(performance.now() - started);
    cpuSamples.push((cpu.user + cpu.system) / 1000);
  }
  // CPU time (this process, garbage collection included) is steadier than elapsed time on a shared machine.
  const result = { p50Ms: percentile(samples, 50), p95Ms: percentile(samples, 95), cpuMsP50: percentile(cpuSamples, 50), bytes, runs };
  log(`${label}: p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, CPU p50 ${result.cpuMsP50} ms, ${bytes} bytes (${runs} runs)`);
  return result;
}

const results = {
  certificate: await measure('certificate (build + seal)', certificateRuns, 3, certificate),
  certificateLta: await measure('certificate (build + seal + B-LTA, local PKI)', certificateRuns, 3, certificateLta),
  verifyLta: await (async () => {
    // A document of its own for each run, sealed beforehand: nothing of one verification is left for the next.
    const documents: Buffer[] = [];
    for (let index = 0; index < certificateRuns + 3; index++) {
      documents.push(await renderSealedCertificate(benchCertificateInput(fixtures[index % fixtures.length]!, `cmt_01jdverify${String(index).padStart(16, '0')}`), pkiSigner, { timestamp, longTermValidation: {} }));
    }
    let next = 0;
    return measure('verify a sealed B-LTA certificate', certificateRuns, 3, () => verifyLta(documents[next++]!));
  })(),
  jointDeclaration1000: await measure('joint declaration, 1,000 signatories', jointRuns, 1, () => joint(1_000)),
  jointDeclarationLarge: { signatories: largeJoint, ...await measure(`joint declaration, ${largeJoint.toLocaleString('en')} signatories`, jointRuns, 0, () => joint(largeJoint)) },
};
await tsa.stop();
await pki.stop();
rmSync(pkiDir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify(results)}\n`);
