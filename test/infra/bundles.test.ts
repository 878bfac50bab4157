import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { API_FUNCTIONS, FUNCTIONS, TASK_FUNCTIONS, type FunctionId, type FunctionNeeds } from '../../functions/catalog';
import { lambdaBuildOptions } from '../../infra/bundle-options';
import { REPO_ROOT } from '../../infra/handler-function';

const LAMBDA_SOURCES = ['functions', 'templates'];
const SCHEMA_LIBRARY = 'functions/domain/zod.ts';

function sourceFiles(directory: string): string[] {
  return readdirSync(path.join(REPO_ROOT, directory), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(REPO_ROOT, path.join(entry.parentPath, entry.name)));
}

describe('Lambda bundles', () => {
  it('reach zod only through functions/domain/zod.ts, which sets the English messages', () => {
    const direct = LAMBDA_SOURCES.flatMap(sourceFiles)
      .filter((file) => file !== SCHEMA_LIBRARY)
      .filter((file) => /from\s+['"]zod(\/[^'"]*)?['"]/.test(readFileSync(path.join(REPO_ROOT, file), 'utf8')));
    expect(direct).toEqual([]);
  });

  it('hold zod\'s functional API only, not its chained API (which would add ~440 KB to each)', async () => {
    const result = await build({ ...lambdaBuildOptions(path.join(REPO_ROOT, API_FUNCTIONS['create-declaration'].entry)), write: false, metafile: true });
    const zodInputs = Object.values(result.metafile.outputs).flatMap((output) => Object.keys(output.inputs)).filter((input) => input.includes('node_modules/zod/'));
    expect(zodInputs.some((input) => input.includes('/v4/mini/'))).toBe(true);
    expect(zodInputs.filter((input) => input.includes('/v4/classic/') || /\/v4\/locales\/(?!en\.js|index\.js)/.test(input))).toEqual([]);
  });

  it('keep the wording of the pages in UTF-8 rather than escaping every Greek letter in six bytes', async () => {
    const result = await build({ ...lambdaBuildOptions(path.join(REPO_ROOT, API_FUNCTIONS['signing-page'].entry)), write: false, outfile: 'index.mjs' });
    const bundle = new TextDecoder().decode(result.outputFiles[0]!.contents);
    expect(bundle).toContain('Ελληνικά');
    expect(bundle).not.toMatch(/\\u03[9a-f][0-9a-f]/i);
  });

  it('keep the sealing function within 1.5 MB, fonts included, without a font shaping engine or image renderers', async () => {
    const result = await build({ ...lambdaBuildOptions(path.join(REPO_ROOT, TASK_FUNCTIONS['seal-certificate'].entry)), write: false, metafile: true, outdir: 'out' });
    const javascriptBytes = result.outputFiles.reduce((sum, file) => sum + file.contents.length, 0);
    expect(javascriptBytes).toBeLessThanOrEqual(1_500 * 1024);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((input) => /node_modules\/(@pdf-lib\/fontkit|pngjs|qrcode\/lib\/renderer)\//.test(input))).toEqual([]);
  });

  // Each client a bundle carries is loaded at its cold start, used or not.
  it('carry only the AWS SDK clients their permissions let them use, and the environment as their only credential source', async () => {
    for (const [functionId, spec] of Object.entries(FUNCTIONS) as [FunctionId, (typeof FUNCTIONS)[FunctionId]][]) {
      const result = await build({ ...lambdaBuildOptions(path.join(REPO_ROOT, spec.entry)), write: false, metafile: true, outfile: 'index.mjs' });
      const inputs = Object.keys(result.metafile.inputs);
      const clients = new Set(inputs.map((input) => /node_modules\/(@aws-sdk\/client-[a-z0-9-]+)\//.exec(input)?.[1]).filter((client) => client !== undefined));
      expect([...clients].sort(), functionId).toEqual(clientsAllowedBy(spec.needs));
      // The default chain's SSO, INI, process and web-identity sources bring STS and SSO clients of their own.
      expect(inputs.filter((input) => /node_modules\/@aws-sdk\/(credential-provider-(?!env\/)|nested-clients\/)/.test(input)), functionId).toEqual([]);
      if (clients.size > 0) expect(inputs, functionId).toContain('functions/shared/lambda-credentials.ts');
      // Nothing is left for the runtime to provide but Node's own modules.
      const external = Object.values(result.metafile.outputs).flatMap((output) => output.imports).filter((imported) => imported.external && !isBuiltin(imported.path));
      expect(external.map((imported) => imported.path), functionId).toEqual([]);
    }
  }, 180_000);
});

function clientsAllowedBy(needs: FunctionNeeds): string[] {
  return [
    needs.table !== 'none' && '@aws-sdk/client-dynamodb',
    needs.sealKey && '@aws-sdk/client-kms',
    (needs.signingKey || needs.sealKey) && '@aws-sdk/client-secrets-manager',
    needs.mail && '@aws-sdk/client-ses',
    needs.workflow && '@aws-sdk/client-sfn',
  ].filter((client): client is string => typeof client === 'string').sort();
}
