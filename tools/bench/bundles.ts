import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { API_FUNCTIONS, EVENT_FUNCTIONS, TASK_FUNCTIONS, type FunctionId } from '../../functions/catalog';
import { lambdaBuildOptions } from '../../infra/bundle-options';
import { REPO_ROOT } from '../repo-root';

export interface BundleFigure {
  readonly functionId: FunctionId;
  readonly kind: 'api' | 'task' | 'event';
  /** Minified ESM bundle, as deployed. */
  readonly bundleKb: number;
  /** Module initialisation in a fresh Node process: a proxy for the Lambda cold start's init phase. */
  readonly initMs: number;
  /**
   * CPU time (user and system) of that initialisation: less swayed than `initMs` by other work on a
   * shared machine, where a process also waits for a core, which a Lambda sandbox does not.
   */
  readonly initCpuMs: number;
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/**
 * Bundles every catalog function with the deployment's esbuild options and measures its size and
 * its module-initialisation time. Bundles go under `.local/bench` so that, as in Lambda, the
 * external AWS SDK resolves from an installed copy; each run has a directory of its own, so runs
 * at the same time do not delete each other's bundles.
 */
export async function measureBundles(): Promise<BundleFigure[]> {
  const benchDir = path.join(REPO_ROOT, '.local', 'bench');
  mkdirSync(benchDir, { recursive: true });
  const outDir = mkdtempSync(path.join(benchDir, 'bundles-'));
  const entries = [
    ...Object.entries(API_FUNCTIONS).map(([id, spec]) => ({ id: id as FunctionId, kind: 'api' as const, entry: spec.entry })),
    ...Object.entries(TASK_FUNCTIONS).map(([id, spec]) => ({ id: id as FunctionId, kind: 'task' as const, entry: spec.entry })),
    ...Object.entries(EVENT_FUNCTIONS).map(([id, spec]) => ({ id: id as FunctionId, kind: 'event' as const, entry: spec.entry })),
  ];
  const figures: BundleFigure[] = [];
  try {
    for (const { id, kind, entry } of entries) {
      const outfile = path.join(outDir, id, 'index.mjs');
      await build({ ...lambdaBuildOptions(path.join(REPO_ROOT, entry)), outfile });
      figures.push({ functionId: id, kind, bundleKb: kb(statSync(outfile).size), ...initTimes(outfile) });
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  return figures;
}

const INIT_SAMPLES = 5;

/** Medians of five fresh-process imports, so that a start slowed by other work on the machine does not decide. */
function initTimes(bundle: string): { initMs: number; initCpuMs: number } {
  const script = `const cpu = process.cpuUsage(); const t = performance.now(); await import(${JSON.stringify(bundle)}); const used = process.cpuUsage(cpu);`
    + ' process.stdout.write(JSON.stringify({ wall: performance.now() - t, cpu: (used.user + used.system) / 1000 }));';
  const samples = Array.from({ length: INIT_SAMPLES }, () => {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1', AWS_REGION: 'eu-west-1' } });
    if (result.status !== 0) throw new Error(`importing ${bundle} failed: ${result.stderr}`);
    return JSON.parse(result.stdout) as { wall: number; cpu: number };
  });
  const median = (values: number[]) => Math.round(values.sort((a, b) => a - b)[INIT_SAMPLES >> 1]! * 10) / 10;
  return { initMs: median(samples.map((sample) => sample.wall)), initCpuMs: median(samples.map((sample) => sample.cpu)) };
}

// `npx tsx tools/bench/bundles.ts`: the figures alone, one function a line, largest bundle first.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await measureBundles();
  for (const figure of figures.sort((a, b) => b.bundleKb - a.bundleKb)) {
    process.stdout.write(`${figure.functionId}\t${figure.kind}\t${figure.bundleKb} KB\t${figure.initMs} ms\t${figure.initCpuMs} ms CPU\n`);
  }
}
