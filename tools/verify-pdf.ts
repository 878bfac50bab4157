/**
 * `npm run verify -- file.pdf [--trust cert.pem ...] [--data-dir dir]`: checks a sealed PDF offline (seal,
 * hash, issuing certificate) and exits 0 only when every check passes. The trusted certificates are the
 * PEM files given with --trust; without any, the development seal certificate of a local stack, read
 * from its data directory (`<data-dir>/seal/certificate.pem`, `.local` by default), when there is one.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { verifySealedPdf } from '../functions/pdf/verify-seal';
import { certificatesFromPem } from '../functions/seal/signer';
import { REPO_ROOT } from './repo-root';

/** Where `npm start` keeps the certificate of its development seal, under its data directory. */
const DEVELOPMENT_SEAL_CERTIFICATE = path.join('seal', 'certificate.pem');

const usage = 'usage: npm run verify -- file.pdf [--trust cert.pem ...] [--data-dir <a local stack\'s data directory>]\n';
let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { trust: { type: 'string', multiple: true }, 'data-dir': { type: 'string' } } });
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const { values, positionals } = parsed;
const [file] = positionals;
if (!file || positionals.length > 1 || (values.trust && values['data-dir'])) {
  process.stderr.write(usage);
  process.exit(2);
}
const developmentCertificate = path.resolve(values['data-dir'] ?? path.join(REPO_ROOT, '.local'), DEVELOPMENT_SEAL_CERTIFICATE);
if (values['data-dir'] && !existsSync(developmentCertificate)) {
  process.stderr.write(`${developmentCertificate} does not exist: is ${values['data-dir']} a local stack's data directory?\n`);
  process.exit(2);
}
const trustFiles = values.trust ?? [developmentCertificate].filter((candidate) => existsSync(candidate));
let anchors: Uint8Array[];
try {
  anchors = trustFiles.flatMap((trustFile) => certificatesFromPem(readFileSync(trustFile, 'utf8')));
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
const report = verifySealedPdf(pdf, anchors);
const out = (line: string) => process.stdout.write(`${line}\n`);
out(`${file}`);
out(`  SHA-256 of the file   ${report.fileSha256}`);
if (report.signer) out(`  sealed by             ${report.signer}`);
if (report.claimedSigningTime) out(`  claimed signing time  ${report.claimedSigningTime}`);
if (report.timestampTime) out(`  timestamp             ${report.timestampTime}`);
out(`  trusted certificates  ${trustFiles.length > 0 ? trustFiles.join(', ') : 'none'}`);
for (const check of report.checks) out(`  ${check.passed ? 'ok  ' : 'FAIL'}  ${check.name}: ${check.detail}`);
out(report.valid ? 'VALID: the seal is intact and was made with a trusted certificate.' : 'INVALID: see the failed checks above.');
process.exit(report.valid ? 0 : 1);
