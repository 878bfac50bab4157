import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { API_FUNCTIONS, TASK_FUNCTIONS, type FunctionId } from '../../functions/catalog';
import { FONT_FILES } from '../../functions/pdf/fonts';
import { lambdaBuildOptions } from '../bundle-options';
import { REPO_ROOT } from '../handler-function';

export interface BundleFigure {
  readonly functionId: FunctionId;
  readonly kind: 'api' | 'task';
  /** Minified ESM bundle, as deployed. */
  readonly bundleKb: number;
  /** Files deployed beside the bundle for it to read at run time (`FONT_FILES`; the fonts are now inside the bundle). */
  readonly filesKb: number;
  /** Module initialisation in a fresh Node process: a proxy for the Lambda cold start's init phase. */
  readonly initMs: number;
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/**
 * Bundles every catalog function with the deployment's esbuild options and measures its size and
 * its module-initialisation time. Bundles go under `.local/bench/bundles` so that, as in Lambda,
 * the external AWS SDK resolves from an installed copy.
 */
export async function measureBundles(): Promise<BundleFigure[]> {
  const outDir = path.join(REPO_ROOT, '.local', 'bench', 'bundles');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const entries = [
    ...Object.entries(API_FUNCTIONS).map(([id, spec]) => ({ id: id as FunctionId, kind: 'api' as const, entry: spec.entry })),
    ...Object.entries(TASK_FUNCTIONS).map(([id, spec]) => ({ id: id as FunctionId, kind: 'task' as const, entry: spec.entry })),
  ];
  const fontsBytes = FONT_FILES.reduce((sum, file) => sum + statSync(path.join(REPO_ROOT, 'node_modules', file)).size, 0);
  const figures: BundleFigure[] = [];
  for (const { id, kind, entry } of entries) {
    const outfile = path.join(outDir, id, 'index.mjs');
    await build({ ...lambdaBuildOptions(path.join(REPO_ROOT, entry)), outfile });
    figures.push({ functionId: id, kind, bundleKb: kb(statSync(outfile).size), filesKb: id === 'seal-certificate' ? kb(fontsBytes) : 0, initMs: initTime(outfile) });
  }
  return figures;
}

/** Median of three fresh-process imports, so one slow start does not decide. */
function initTime(bundle: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(bundle)}); process.stdout.write(String(performance.now() - t));`;
  const samples = [0, 1, 2].map(() => {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1', AWS_REGION: 'eu-west-1' } });
    if (result.status !== 0) throw new Error(`importing ${bundle} failed: ${result.stderr}`);
    return Number(result.stdout);
  });
  return Math.round(samples.sort((a, b) => a - b)[1]! * 10) / 10;
}
