import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FUNCTIONS, type FunctionId } from '../../functions/catalog';
import { searchableText } from '../../functions/domain/search-text';
import { buildRawMessage } from '../../functions/mail/send-email';
import { lambdaBuildOptions } from '../../infra/bundle-options';
import { REPO_ROOT } from '../../infra/handler-function';

/**
 * Intl's services load their locale data when they are built: a language-name table took 10-30 ms
 * of a cold start. Built at the top of a module, they are paid by every function that imports it,
 * whether or not an invocation formats anything.
 */
const INTL_SERVICES = ['Collator', 'DateTimeFormat', 'DisplayNames', 'ListFormat', 'NumberFormat', 'PluralRules', 'RelativeTimeFormat', 'Segmenter'] as const;

let bundleDir: string;
const bundleFiles = new Map<FunctionId, string>();
/** The source files and packages each bundle holds. */
const bundleInputs = new Map<FunctionId, string[]>();

beforeAll(async () => {
  bundleDir = mkdtempSync(path.join(tmpdir(), 'ports-alliance-cold-start-'));
  const { entryPoints: _one, ...options } = lambdaBuildOptions('');
  const entryPoints = Object.fromEntries(Object.entries(FUNCTIONS).map(([functionId, spec]) => [functionId, path.join(REPO_ROOT, spec.entry)]));
  const result = await build({ ...options, entryPoints, outdir: bundleDir, outExtension: { '.js': '.mjs' }, metafile: true });
  for (const functionId of Object.keys(FUNCTIONS) as FunctionId[]) {
    bundleFiles.set(functionId, path.join(bundleDir, `${functionId}.mjs`));
    const output = Object.values(result.metafile.outputs).find((candidate) => candidate.entryPoint === path.relative(process.cwd(), entryPoints[functionId]!));
    bundleInputs.set(functionId, Object.keys(output!.inputs));
  }
}, 180_000);

afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

/**
 * Loads each bundle in one fresh Node process (not through the test runner's module loader), with
 * Intl's constructors wrapped to note what is built, and returns what each bundle built.
 */
function intlServicesBuiltWhileLoading(): Record<string, string[]> {
  const runner = path.join(bundleDir, 'load-each.mjs');
  writeFileSync(runner, [
    `const services = ${JSON.stringify(INTL_SERVICES)};`,
    'const built = [];',
    'for (const service of services) {',
    '  Intl[service] = new Proxy(Intl[service], { construct(target, args, newTarget) { built.push(`${service}(${JSON.stringify(args)})`); return Reflect.construct(target, args, newTarget); } });',
    '}',
    'const builtBy = {};',
    `for (const [functionId, file] of ${JSON.stringify([...bundleFiles])}) {`,
    '  built.length = 0;',
    '  await import(file);',
    '  if (built.length > 0) builtBy[functionId] = [...built];',
    '}',
    'process.stdout.write(JSON.stringify(builtBy));',
  ].join('\n'));
  const result = spawnSync(process.execPath, [runner], { encoding: 'utf8', env: { PATH: process.env.PATH, NODE_NO_WARNINGS: '1', AWS_REGION: 'eu-west-1' }, timeout: 120_000 });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Record<string, string[]>;
}

describe('a function\'s cold start', () => {
  it('builds no Intl service while its bundle loads: each is built when an invocation first needs it', () => {
    expect(intlServicesBuiltWhileLoading()).toEqual({});
  });

  it('searches as the unbundled code does, with the transliteration tables built on the first search', async () => {
    const outfile = path.join(bundleDir, 'search-text.mjs');
    const result = await build({ ...lambdaBuildOptions(path.join(REPO_ROOT, 'functions/domain/search-text.ts')), outfile, metafile: true });
    expect(Object.keys(Object.values(result.metafile.outputs)[0]!.inputs)).toContain('infra/bundling/transliterate.ts');
    const bundled = (await import(pathToFileURL(outfile).href)) as { searchableText: typeof searchableText };
    const { signatories } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'test/fixtures/eu-signatories.json'), 'utf8')) as { signatories: { organisation: string; contact: string }[] };
    const names = [...signatories.flatMap((signatory) => [signatory.organisation, signatory.contact]), 'Παπαδοπούλου', 'Агенция Митници', 'Łódź'];
    expect(names.map((name) => bundled.searchableText(name))).toEqual(names.map((name) => searchableText(name)));
  });

  it('carries no core-js: mimetext\'s Babel helpers run on the platform\'s own functions', () => {
    const withCoreJs = [...bundleInputs].filter(([, inputs]) => inputs.some((input) => /node_modules\/(core-js-pure|@babel\/runtime-corejs3)\//.test(input))).map(([functionId]) => functionId);
    expect(withCoreJs).toEqual([]);
    expect(bundleInputs.get('send-reminders')).toEqual(expect.arrayContaining(['infra/bundling/define-property.ts', 'infra/bundling/string-trim.ts']));
  });

  it('builds the same email, byte for byte, as the unbundled mailer', async () => {
    const outfile = path.join(bundleDir, 'send-email.mjs');
    await build({ ...lambdaBuildOptions(path.join(REPO_ROOT, 'functions/mail/send-email.ts')), outfile });
    const bundled = (await import(pathToFileURL(outfile).href)) as { buildRawMessage: typeof buildRawMessage };
    const email = {
      to: { name: '  Ġorġ Ħabib Żammit ', address: 'gorg@dwana.mt.example' },
      subject: 'Il-foxxa tiegħek – Your certificate',
      text: 'Grazzi.\nThank you.',
      html: '<p>Grazzi.</p>',
      attachments: [{ filename: 'certificate.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.7 sample') }],
    };
    // The boundaries, Message-ID and Date are random or the time: the same for both.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-03T12:00:00Z') });
    const random = vi.spyOn(Math, 'random');
    try {
      random.mockReturnValue(0.123456789);
      const fromBundle = bundled.buildRawMessage(email, 'noreply@ports-alliance.example');
      const unbundled = buildRawMessage(email, 'noreply@ports-alliance.example');
      expect(fromBundle).toContain('Content-Type: application/pdf');
      expect(fromBundle).toBe(unbundled);
    } finally {
      random.mockRestore();
      vi.useRealTimers();
    }
  });
});
