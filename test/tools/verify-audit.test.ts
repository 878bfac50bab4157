import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { events, exportOf, linesOf } from '../support/audit-events';

/** The command-line check of an exported audit trail; the chain itself is tested in test/unit/audit-chain.test.ts. */
const run = promisify(execFile);

describe('npm run verify-audit', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'verify-audit-'));
  const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', path.resolve('tools/verify-audit.ts'), ...args], { cwd: path.resolve('.') });

  it('exits 0 and prints the head for an intact file', async () => {
    const file = path.join(dir, 'intact.jsonl');
    writeFileSync(file, exportOf(4));
    const { stdout } = await cli(file);
    expect(stdout).toMatch(/4 events, chain intact; head [0-9a-f]{64}/);
  });

  it('exits non-zero naming the first broken line and event for an edited file', async () => {
    const file = path.join(dir, 'edited.jsonl');
    const lines = linesOf(exportOf(4));
    lines[1] = lines[1]!.replace('"operator"', '"nobody"');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const failure = await cli(file).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1, stderr: expect.stringContaining(`line 2 (event ${events(4)[1]!.id})`) });
  });

  it('exits 2 with usage help when no file is named', async () => {
    await expect(cli()).rejects.toMatchObject({ code: 2 });
  });
});
