import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_FUNCTIONS } from '../functions/catalog';
import { OPERATOR_LANGUAGES } from '../functions/domain/languages';
import { CATALOG_FILES_DIR } from '../templates/i18n/catalog-files';
import { buildConsoleScripts } from './console-scripts';

/**
 * How every Lambda is bundled, in one place: the CDK functions (infra/handler-function.ts) and
 * the bundle benchmark (tools/bench/bundles.ts) both read it, so the measured bundle is the
 * deployed one.
 */
export const BUNDLE_TARGET = 'node24';
export const BUNDLE_MAIN_FIELDS = ['module', 'main'];
/**
 * Non-ASCII text stays UTF-8 in the bundle: esbuild's default escapes it, six bytes (`\u03b1`) for
 * every Greek or Cyrillic letter of the page and email wording instead of two.
 */
export const BUNDLE_CHARSET = 'utf8' as const;

/**
 * ESM output still meets CommonJS dependencies that call `require` (pdf-lib's dependencies, ...);
 * give them one. Aliased so that it cannot clash with an import esbuild emits.
 */
export const REQUIRE_BANNER =
  "import { createRequire as __epaCreateRequire } from 'node:module'; const require = __epaCreateRequire(import.meta.url);";

/**
 * Nothing is left to the runtime: the AWS SDK is bundled, tree-shaken and minified with the rest,
 * pinned by our lock file rather than by the runtime's copy. Node compiles one ESM file instead of
 * working through the runtime's SDK as CommonJS (33 files for the DynamoDB client and document
 * client): measured with `npx tsx tools/bench/bundles.ts`, a DynamoDB function starts in about a
 * third of the time.
 */
export const EXTERNAL_MODULES: string[] = [];

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The SDK's default credential chain, replaced by the environment alone in the deployed bundles:
 * Lambda hands a function its role's credentials there (functions/shared/lambda-credentials.ts).
 */
export const BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  '@aws-sdk/credential-provider-node': path.join(REPO_ROOT, 'functions/shared/lambda-credentials.ts'),
  // pdf-lib's data our documents never use, decoded on first use rather than at every cold start.
  '@pdf-lib/standard-fonts': path.join(REPO_ROOT, 'infra/bundling/standard-font-encodings.ts'),
  '@pdf-lib/upng': path.join(REPO_ROOT, 'infra/bundling/png-decoder.ts'),
  // Node's zlib instead of pako, deflate written in JavaScript.
  pako: path.join(REPO_ROOT, 'infra/bundling/pako-on-zlib.ts'),
  // The search transliteration's tables, built on the first search rather than at every cold start.
  '@sindresorhus/transliterate': path.join(REPO_ROOT, 'infra/bundling/transliterate.ts'),
  // mimetext's two Babel helpers on the platform's own functions, without core-js-pure.
  '@babel/runtime-corejs3/helpers/esm/defineProperty': path.join(REPO_ROOT, 'infra/bundling/define-property.ts'),
  '@babel/runtime-corejs3/core-js/instance/trim': path.join(REPO_ROOT, 'infra/bundling/string-trim.ts'),
};

/**
 * CDK hands esbuild each define as one command-line argument, and Linux refuses an argument over
 * 128 KiB (MAX_ARG_STRLEN): past this, synth would fail with E2BIG instead of this message.
 */
const MAX_DEFINE_BYTES = 120 * 1024;

/**
 * Constants written into a function's bundle at build time, by entry (absolute path): the
 * console page gets its pages' browser scripts (templates/console/console-scripts.d.ts).
 */
export function bundleDefines(entryPoint: string): Record<string, string> {
  // Every function reads the catalogs other than English from files beside its bundle (catalogFilesCommand).
  const catalogs = { 'globalThis.__EPA_CATALOG_FILES__': 'true' };
  if (path.resolve(entryPoint) !== path.resolve(REPO_ROOT, API_FUNCTIONS['console-page'].entry)) return catalogs;
  const scripts = JSON.stringify(buildConsoleScripts());
  if (Buffer.byteLength(scripts) > MAX_DEFINE_BYTES) {
    throw new Error(`The console scripts (${Buffer.byteLength(scripts)} bytes as JSON) exceed ${MAX_DEFINE_BYTES} bytes, more than CDK's bundling can pass to esbuild`);
  }
  return { ...catalogs, 'globalThis.__CONSOLE_SCRIPTS__': scripts };
}

/**
 * The operator catalogs as files beside a function's bundle, `i18n/<language>.mjs`, one ES module
 * each, so that a bundle carries only English and a page or email reads the one catalog it needs
 * (templates/i18n/catalog-files.ts): 24 catalogs in every bundle would add some 400 KB to each.
 */
export function catalogFilesBuildOptions(bundleDir: string) {
  return {
    entryPoints: OPERATOR_LANGUAGES.filter((language) => language !== 'en').map((language) => path.join(REPO_ROOT, 'templates', 'i18n', `${language}.ts`)),
    outdir: path.join(bundleDir, CATALOG_FILES_DIR),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node' as const,
    format: 'esm' as const,
    target: BUNDLE_TARGET,
    minify: true,
    charset: BUNDLE_CHARSET,
    logLevel: 'error' as const,
  };
}

/** The same build as one esbuild command, for CDK's bundling (its `afterBundling` hook). */
export function catalogFilesCommand(bundleDir: string): string {
  const options = catalogFilesBuildOptions(bundleDir);
  const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
  return [
    quote(path.join(REPO_ROOT, 'node_modules', '.bin', 'esbuild')),
    ...options.entryPoints.map(quote),
    '--bundle', '--platform=node', '--format=esm', `--target=${options.target}`, '--minify', `--charset=${options.charset}`, '--log-level=error',
    `--outdir=${quote(options.outdir)}`, '--out-extension:.js=.mjs',
  ].join(' ');
}

/** The esbuild options the deployment's bundling amounts to, for measuring bundles outside CDK. */
export function lambdaBuildOptions(entryPoint: string) {
  return {
    entryPoints: [entryPoint],
    bundle: true,
    platform: 'node' as const,
    format: 'esm' as const,
    target: BUNDLE_TARGET,
    mainFields: BUNDLE_MAIN_FIELDS,
    minify: true,
    charset: BUNDLE_CHARSET,
    external: EXTERNAL_MODULES,
    alias: { ...BUNDLE_ALIASES },
    banner: { js: REQUIRE_BANNER },
    define: bundleDefines(entryPoint),
    logLevel: 'error' as const,
  };
}
