import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** Static imports and re-exports (type-only ones included) and dynamic imports of a literal path. */
const IMPORT = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w$*{}\s,]+?\s+from\s+)?['"]([^'"\n]+)['"]|\bimport\(\s*['"]([^'"\n]+)['"]\s*\)/g;

function sourceFiles(directory: string): string[] {
  return readdirSync(path.join(REPO_ROOT, directory), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(REPO_ROOT, path.join(entry.parentPath, entry.name)));
}

/** The repository files a source file imports (packages and Node's modules left out), relative to the root. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(REPO_ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
  const imported: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2]!;
    if (!specifier.startsWith('.')) continue;
    const base = path.resolve(REPO_ROOT, path.dirname(file), specifier);
    const resolved = [base, `${base}.ts`, path.join(base, 'index.ts')].find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
    if (!resolved) throw new Error(`${file} imports ${specifier}, which does not exist`);
    imported.push(path.relative(REPO_ROOT, resolved));
  }
  return imported;
}

/** Every repository file `file` reaches through imports, each with the chain that reaches it. */
function reachableFrom(file: string): Map<string, string[]> {
  const chains = new Map<string, string[]>([[file, [file]]]);
  const pending = [file];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (!current.endsWith('.ts')) continue;
    for (const next of importsOf(current)) {
      if (chains.has(next)) continue;
      chains.set(next, [...chains.get(current)!, next]);
      pending.push(next);
    }
  }
  return chains;
}

/** The import chains from files under `from` into any of the `forbidden` directories, each up to the first file there. */
function crossings(from: string, forbidden: readonly string[]): string[] {
  const isForbidden = (file: string) => forbidden.some((directory) => file.startsWith(directory));
  const found = new Set<string>();
  for (const file of sourceFiles(from)) {
    for (const chain of reachableFrom(file).values()) {
      if (isForbidden(chain.at(-1)!) && !chain.slice(0, -1).some(isForbidden)) found.add(chain.join(' -> '));
    }
  }
  return [...found].sort();
}

describe('module boundaries', () => {
  it('read the imports of a file, type-only and multi-line ones included', () => {
    expect(importsOf('tools/demo.ts')).toEqual(expect.arrayContaining(['tools/repo-root.ts', 'tools/campaign/run-campaign.ts', 'tools/local-stack-process.ts']));
    expect(importsOf('infra/stateless-stack.ts')).toEqual(expect.arrayContaining(['functions/catalog.ts', 'infra/handler-function.ts']));
    expect(importsOf('tools/local-stack-process.ts')).toContain('functions/workflow/contract.ts');
    expect([...reachableFrom('infra/local/start.ts').keys()]).toEqual(expect.arrayContaining(['infra/local/stack.ts', 'infra/create-app.ts', 'functions/catalog.ts']));
  });

  // A tool is a client of the local stack: it starts one as a process of its own (tools/local-stack-process.ts) or uses one already running.
  it('keep every tool, and everything a tool imports, off the local stack\'s modules', () => {
    expect(crossings('tools', ['infra/local/'])).toEqual([]);
  });

  // What is deployed must not depend on the CDK app, the local stack or the tools.
  it('keep the functions, and everything they import, off infra/ and tools/', () => {
    expect(crossings('functions', ['infra/', 'tools/'])).toEqual([]);
  });
});
