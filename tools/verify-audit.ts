/**
 * `npm run verify-audit -- <trail.jsonl> [--head <sha256>]`: recomputes the hash chain of an
 * exported audit trail (format in functions/domain/audit-chain.ts and docs/console.md) and names the
 * first broken link. Exit code 0: intact; 1: broken; 2: the file could not be read.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyChain } from '../functions/domain/audit-chain';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { head: { type: 'string' } } });
const file = positionals[0];
if (!file || positionals.length > 1 || (values.head !== undefined && !/^[0-9a-fA-F]{64}$/.test(values.head))) {
  process.stderr.write('usage: npm run verify-audit -- <audit-trail.jsonl> [--head <the last hash the export announced>]\n');
  process.exit(2);
}
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  process.stderr.write(`cannot read ${file}: ${(error as Error).message}\n`);
  process.exit(2);
}
const verdict = verifyChain(text, values.head);
if (verdict.ok) {
  process.stdout.write(`${file}: ${verdict.events} events, chain intact; head ${verdict.head}${values.head ? ' (as expected)' : ''}\n`);
  process.exit(0);
}
process.stderr.write(`${file}: the chain is broken at line ${verdict.line}${verdict.eventId ? ` (event ${verdict.eventId})` : ''}: ${verdict.problem}\n`);
process.exit(1);
