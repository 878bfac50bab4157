/**
 * `npm run verify -- file.pdf [--trust cert.pem]`: checks a sealed PDF offline (seal, hash, issuing
 * certificate) and exits 0 only when every check passes. Without --trust it trusts the development seal
 * certificate of the local stack (.local/seal/certificate.pem).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { verifySealedPdf } from '../functions/pdf/verify-seal';
import { certificatesFromPem } from '../functions/seal/signer';
import { REPO_ROOT } from './handler-function';
import { developmentSealPaths } from './local/development-seal';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { trust: { type: 'string', multiple: true } } });
const [file] = positionals;
if (!file || positionals.length > 1) {
  process.stderr.write('usage: npm run verify -- file.pdf [--trust cert.pem ...]\n');
  process.exit(2);
}
const trustFiles = values.trust ?? [developmentSealPaths(path.join(REPO_ROOT, '.local')).certificate].filter((candidate) => existsSync(candidate));
const anchors = trustFiles.flatMap((trustFile) => certificatesFromPem(readFileSync(trustFile, 'utf8')));

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
