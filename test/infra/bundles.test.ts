import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_FUNCTIONS, FUNCTIONS, type FunctionId, type FunctionNeeds } from '../../functions/catalog';
import { lambdaBuildOptions } from '../../infra/bundle-options';
import { REPO_ROOT } from '../../infra/handler-function';

const LAMBDA_SOURCES = ['functions', 'templates'];
const SCHEMA_LIBRARY = 'functions/domain/zod.ts';

const SPECS = FUNCTIONS;

interface Bundle {
  readonly code: Uint8Array;
  /** The source files and packages it holds. */
  readonly inputs: readonly string[];
  readonly imports: Metafile['outputs'][string]['imports'];
}

/**
 * Every function bundled with the deployment's options, in one esbuild run with an entry point
 * per function: each output is the bundle that function's own build gives, byte for byte (checked
 * below), while the sources they share are parsed once.
 */
async function bundleAll(): Promise<Map<FunctionId, Bundle>> {
  // Checks of the bundles' contents, not of the console page's scripts (those are built in by a define of its own).
  const { entryPoints: _one, ...options } = lambdaBuildOptions('');
  const entryPoints = Object.fromEntries(Object.entries(SPECS).map(([functionId, spec]) => [functionId, path.join(REPO_ROOT, spec.entry)]));
  const result = await build({ ...options, entryPoints, outdir: 'out', outExtension: { '.js': '.mjs' }, write: false, metafile: true });
  const bundles = new Map<FunctionId, Bundle>();
  for (const functionId of Object.keys(SPECS) as FunctionId[]) {
    const [outputPath, output] = Object.entries(result.metafile.outputs).find(([, candidate]) => candidate.entryPoint === path.relative(process.cwd(), entryPoints[functionId]!))!;
    const code = result.outputFiles.find((file) => file.path === path.resolve(outputPath))!.contents;
    bundles.set(functionId, { code, inputs: Object.keys(output.inputs), imports: output.imports });
  }
  return bundles;
}

let bundles: Map<FunctionId, Bundle>;
beforeAll(async () => {
  bundles = await bundleAll();
}, 180_000);

const bundleOf = (functionId: FunctionId): Bundle => bundles.get(functionId)!;

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

  it('are each what the function\'s own build with the deployment\'s options gives', async () => {
    const single = await build({ ...lambdaBuildOptions(path.join(REPO_ROOT, API_FUNCTIONS['get-commitment'].entry)), write: false, outfile: 'index.mjs' });
    expect(Buffer.from(bundleOf('get-commitment').code).equals(Buffer.from(single.outputFiles[0]!.contents))).toBe(true);
  });

  it('hold zod\'s functional API only, not its chained API (which would add ~440 KB to each)', () => {
    const zodInputs = bundleOf('create-declaration').inputs.filter((input) => input.includes('node_modules/zod/'));
    expect(zodInputs.some((input) => input.includes('/v4/mini/'))).toBe(true);
    expect(zodInputs.filter((input) => input.includes('/v4/classic/') || /\/v4\/locales\/(?!en\.js|index\.js)/.test(input))).toEqual([]);
  });

  it('keep the wording of the pages in UTF-8 rather than escaping every Greek letter in six bytes', () => {
    const bundle = new TextDecoder().decode(bundleOf('signing-page').code);
    expect(bundle).toContain('Ελληνικά');
    expect(bundle).not.toMatch(/\\u03[9a-f][0-9a-f]/i);
  });

  it('keep the sealing function within 1.5 MB, fonts included, without a font shaping engine or image renderers', () => {
    const { code, inputs } = bundleOf('seal-certificate');
    expect(code.length).toBeLessThanOrEqual(1_500 * 1024);
    expect(inputs.filter((input) => /node_modules\/(@pdf-lib\/fontkit|pngjs|qrcode\/lib\/renderer)\//.test(input))).toEqual([]);
  });

  // Each client a bundle carries is loaded at its cold start, used or not.
  it('carry only the AWS SDK clients their permissions let them use, and the environment as their only credential source', () => {
    for (const functionId of Object.keys(SPECS) as FunctionId[]) {
      const { inputs, imports } = bundleOf(functionId);
      const clients = new Set(inputs.map((input) => /node_modules\/(@aws-sdk\/client-[a-z0-9-]+)\//.exec(input)?.[1]).filter((client) => client !== undefined));
      expect([...clients].sort(), functionId).toEqual(clientsAllowedBy(FUNCTIONS[functionId].needs, functionId in API_FUNCTIONS));
      // The default chain's SSO, INI, process and web-identity sources bring STS and SSO clients of their own.
      expect(inputs.filter((input) => /node_modules\/@aws-sdk\/(credential-provider-(?!env\/)|nested-clients\/)/.test(input)), functionId).toEqual([]);
      if (clients.size > 0) expect(inputs, functionId).toContain('functions/shared/lambda-credentials.ts');
      // Nothing is left for the runtime to provide but Node's own modules.
      const external = imports.filter((imported) => imported.external && !isBuiltin(imported.path));
      expect(external.map((imported) => imported.path), functionId).toEqual([]);
    }
  });
});

/** Behind CloudFront every API function reads the origin-verify secret (functions/shared/edge.ts). */
function clientsAllowedBy(needs: FunctionNeeds, isApi: boolean): string[] {
  return [
    needs.table !== 'none' && '@aws-sdk/client-dynamodb',
    needs.sealKey && '@aws-sdk/client-kms',
    (needs.signingKey || needs.sealKey || needs.sealTrust || isApi) && '@aws-sdk/client-secrets-manager',
    needs.mail && '@aws-sdk/client-ses',
    needs.workflow && '@aws-sdk/client-sfn',
    needs.files && '@aws-sdk/client-s3',
    needs.startsExports && '@aws-sdk/client-lambda',
  ].filter((client): client is string => typeof client === 'string').sort();
}
