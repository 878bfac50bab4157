import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../functions/catalog';
import { lambdaBuildOptions } from '../../infra/bundle-options';
import { REPO_ROOT } from '../../infra/handler-function';
import { standardFontsAndPng } from '../fixtures/bundling/standard-fonts-and-png';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/bundling/standard-fonts-and-png.ts');

/** A 3 by 2 PNG, RGBA, with a transparent pixel (pdf-lib then adds a soft mask). */
function smallPng(): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(3, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = [[255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255], [0, 0, 0, 0, 255, 255, 255, 128, 20, 40, 60, 255]];
  const raw = Buffer.from(rows.flatMap((row) => [0, ...row]));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

describe('pdf-lib data the Lambda bundles load on first use', () => {
  it('gives the same document, byte for byte, as pdf-lib itself: three standard font encodings and a PNG', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'ports-alliance-deferred-'));
    try {
      const outfile = path.join(directory, 'index.mjs');
      await build({ ...lambdaBuildOptions(FIXTURE), outfile });
      const bundled = (await import(pathToFileURL(outfile).href)) as { standardFontsAndPng: typeof standardFontsAndPng };
      const png = smallPng();
      const fromBundle = await bundled.standardFontsAndPng(png);
      expect(Buffer.from(fromBundle).toString('latin1')).toContain('/BaseFont /Helvetica');
      expect(Buffer.from(fromBundle).equals(Buffer.from(await standardFontsAndPng(png)))).toBe(true);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('reach the functions that render PDFs through the deferring modules', async () => {
    for (const functionId of ['seal-certificate', 'generate-joint-declaration', 'preview-joint-declaration'] as const) {
      const result = await build({ ...lambdaBuildOptions(path.join(REPO_ROOT, FUNCTIONS[functionId].entry)), write: false, outfile: 'index.mjs', metafile: true });
      const inputs = Object.keys(Object.values(result.metafile.outputs)[0]!.inputs);
      expect(inputs, functionId).toEqual(expect.arrayContaining(['infra/bundling/standard-font-encodings.ts', 'infra/bundling/png-decoder.ts']));
    }
  });
});
