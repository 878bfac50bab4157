import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { API_FUNCTIONS } from '../../functions/catalog';
import { lambdaBuildOptions } from '../../infra/bundle-options';
import { HandlerFunction, REPO_ROOT } from '../../infra/handler-function';
import { OPERATOR_LANGUAGES } from '../../functions/domain/languages';

/**
 * The bundle tests, the bench and deployed-bundles.test.ts build with `lambdaBuildOptions`; CDK
 * builds the deployed asset from the props HandlerFunction gives it (esbuild on the command line).
 * This runs CDK's real bundling and checks that both give the same bytes, for a plain function and
 * for the console page, whose bundle also carries the console's browser scripts through a define.
 */
const PROBED = ['get-commitment', 'console-page'] as const;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the deployment\'s bundling', () => {
  it('builds byte for byte the bundles that the bundle tests and the bench measure', async () => {
    const outdir = mkdtempSync(path.join(tmpdir(), 'ports-alliance-cdk-'));
    try {
      const app = new App({ outdir });
      const stack = new Stack(app, 'BundlingProbe');
      for (const functionId of PROBED) new HandlerFunction(stack, functionId, { spec: API_FUNCTIONS[functionId] });
      app.synth();
      const assets = readdirSync(outdir).filter((name) => name.startsWith('asset.'));
      expect(assets).toHaveLength(PROBED.length);
      const deployed = assets.map((asset) => sha256(readFileSync(path.join(outdir, asset, 'index.mjs'))));
      const measured = await Promise.all(PROBED.map(async (functionId) => {
        const result = await build({ ...lambdaBuildOptions(path.join(REPO_ROOT, API_FUNCTIONS[functionId].entry)), write: false, outfile: 'index.mjs' });
        return sha256(result.outputFiles[0]!.contents);
      }));
      expect(deployed.sort()).toEqual(measured.sort());
      // Beside each bundle, the operator catalogs it reads from files (templates/i18n/catalog-files.ts): all but English.
      const catalogs = OPERATOR_LANGUAGES.filter((language) => language !== 'en').map((language) => `${language}.mjs`);
      for (const asset of assets) expect(readdirSync(path.join(outdir, asset, 'i18n')).sort(), asset).toEqual(catalogs);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }, 120_000);
});
