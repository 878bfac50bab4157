import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { API_FUNCTIONS } from '../../functions/catalog';
import { lambdaBuildOptions } from '../../infra/bundle-options';
import { HandlerFunction, REPO_ROOT } from '../../infra/handler-function';

/**
 * The bundle tests, the bench and deployed-bundles.test.ts build with `lambdaBuildOptions`; CDK
 * builds the deployed asset from the props HandlerFunction gives it (esbuild on the command line).
 * This runs CDK's real bundling for one function and checks that both give the same bytes.
 */
describe('the deployment\'s bundling', () => {
  it('builds byte for byte the bundle that the bundle tests and the bench measure', async () => {
    const outdir = mkdtempSync(path.join(tmpdir(), 'ports-alliance-cdk-'));
    try {
      const app = new App({ outdir });
      const stack = new Stack(app, 'BundlingProbe');
      new HandlerFunction(stack, 'get-commitment', { spec: API_FUNCTIONS['get-commitment'] });
      app.synth();
      const assets = readdirSync(outdir).filter((name) => name.startsWith('asset.'));
      expect(assets).toHaveLength(1);
      const deployed = readFileSync(path.join(outdir, assets[0]!, 'index.mjs'));
      const measured = await build({ ...lambdaBuildOptions(path.join(REPO_ROOT, API_FUNCTIONS['get-commitment'].entry)), write: false, outfile: 'index.mjs' });
      expect(deployed.equals(Buffer.from(measured.outputFiles[0]!.contents))).toBe(true);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }, 120_000);
});
