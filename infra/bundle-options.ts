/**
 * How every Lambda is bundled, in one place: the CDK functions (infra/handler-function.ts) and
 * the bundle benchmark (infra/bench/bundles.ts) both read it, so the measured bundle is the
 * deployed one.
 */
export const BUNDLE_TARGET = 'node22';
export const BUNDLE_MAIN_FIELDS = ['module', 'main'];

/**
 * ESM output still meets CommonJS dependencies that call `require` (pdf-lib's dependencies, ...);
 * give them one. Aliased so that it cannot clash with an import esbuild emits.
 */
export const REQUIRE_BANNER =
  "import { createRequire as __epaCreateRequire } from 'node:module'; const require = __epaCreateRequire(import.meta.url);";

/**
 * The Node.js 22 Lambda runtime ships AWS SDK v3; bundling our own copy would triple the size of
 * every function (and its cold start) for no behaviour we rely on.
 */
export const EXTERNAL_MODULES = ['@aws-sdk/*'];

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
    external: EXTERNAL_MODULES,
    banner: { js: REQUIRE_BANNER },
    logLevel: 'error' as const,
  };
}
