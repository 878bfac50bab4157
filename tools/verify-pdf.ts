/**
 * `npm run verify -- file.pdf [--trust cert.pem ...] [--trust-tsa cert.pem ...] [--data-dir dir]`: validates a
 * sealed PDF offline and exits 0 only when the seal is valid. It prints the PAdES level reached and every
 * reason, with its code, why the seal fails or stops at a lower level. Seals are trusted through the PEM
 * files given with --trust, timestamps through those given with --trust-tsa; without them, through the
 * development seal and timestamp authority certificates of a local stack, read from its data directory
 * (`<data-dir>/seal/certificate.pem`, `<data-dir>/tsa/tsa.crt` and the local PKI's root `<data-dir>/pki/root/root.crt`,
 * `.local` by default), when there are some.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { verifySealedPdf } from '../functions/pdf/verify-seal';
import { certificatesFromPem } from '../functions/seal/signer';
import { REPO_ROOT } from './repo-root';

/** Where `npm start` keeps the certificates of its development seal and timestamp authority, under its data directory. */
const DEVELOPMENT_SEAL_CERTIFICATE = path.join('seal', 'certificate.pem');
const DEVELOPMENT_TSA_CERTIFICATE = path.join('tsa', 'tsa.crt');
/** The root of the local PKI, which certifies the local seal and timestamp authority. */
const DEVELOPMENT_ROOT_CERTIFICATE = path.join('pki', 'root', 'root.crt');

const usage = 'usage: npm run verify -- file.pdf [--trust cert.pem ...] [--trust-tsa cert.pem ...] [--data-dir <a local stack\'s data directory>]\n';
let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { trust: { type: 'string', multiple: true }, 'trust-tsa': { type: 'string', multiple: true }, 'data-dir': { type: 'string' } } });
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const { values, positionals } = parsed;
const [file] = positionals;
if (!file || positionals.length > 1 || ((values.trust || values['trust-tsa']) && values['data-dir'])) {
  process.stderr.write(usage);
  process.exit(2);
}
const dataDir = path.resolve(values['data-dir'] ?? path.join(REPO_ROOT, '.local'));
const developmentCertificate = path.join(dataDir, DEVELOPMENT_SEAL_CERTIFICATE);
if (values['data-dir'] && !existsSync(developmentCertificate)) {
  process.stderr.write(`${developmentCertificate} does not exist: is ${values['data-dir']} a local stack's data directory?\n`);
  process.exit(2);
}
const explicit = values.trust !== undefined || values['trust-tsa'] !== undefined;
const developmentRoot = path.join(dataDir, DEVELOPMENT_ROOT_CERTIFICATE);
const trustFiles = values.trust ?? (explicit ? [] : [developmentCertificate, developmentRoot].filter((candidate) => existsSync(candidate)));
const tsaFiles = values['trust-tsa'] ?? (explicit ? [] : [path.join(dataDir, DEVELOPMENT_TSA_CERTIFICATE), developmentRoot].filter((candidate) => existsSync(candidate)));
const readCertificates = (files: readonly string[]) => files.flatMap((trustFile) => certificatesFromPem(readFileSync(trustFile, 'utf8')));
let sealAnchors: Uint8Array[];
let timestampAnchors: Uint8Array[];
try {
  sealAnchors = readCertificates(trustFiles);
  timestampAnchors = readCertificates(tsaFiles);
} catch (error) {
  process.stderr.write(`cannot read the trusted certificates: ${(error as Error).message}\n`);
  process.exit(2);
}

let pdf: Buffer;
try {
  pdf = readFileSync(file);
} catch (error) {
  process.stderr.write(`cannot read ${file}: ${(error as Error).message}\n`);
  process.exit(2);
}
const report = await verifySealedPdf(pdf, { sealAnchors, timestampAnchors });
const out = (line: string) => process.stdout.write(`${line}\n`);
out(`${file}`);
out(`  SHA-256 of the file   ${report.fileSha256}`);
if (report.signer) out(`  sealed by             ${report.signer}`);
if (report.claimedSigningTime) out(`  claimed signing time  ${report.claimedSigningTime} (written by the signer, not proven)`);
if (report.timestampTime) out(`  timestamp             ${report.timestampTime} by ${report.timestampAuthority} (verified)`);
out(`  validity judged at    ${report.validationTime} (${report.validationTimeSource})`);
out(`  trusted for seals     ${trustFiles.length > 0 ? trustFiles.join(', ') : 'none'}`);
out(`  trusted for timestamps ${tsaFiles.length > 0 ? tsaFiles.join(', ') : 'none'}`);
for (const check of report.checks) out(`  ${check.passed ? 'ok  ' : 'FAIL'}  ${check.name}: ${check.detail}`);
for (const failure of report.failures) out(`  failure     ${failure.code}: ${failure.message}`);
for (const limitation of report.limitations) out(`  limitation  ${limitation.code}: ${limitation.message}`);
out(report.valid
  ? `VALID: PAdES ${report.level}. The seal is intact and was made with a trusted certificate.`
  : 'INVALID: see the failures above.');
process.exit(report.valid ? 0 : 1);
