import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import { build } from 'esbuild';
import pako from 'pako';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../functions/catalog';
import { lambdaBuildOptions } from '../../infra/bundle-options';
import { REPO_ROOT } from '../../infra/handler-function';
import { createDevelopmentSeal } from '../../functions/seal/in-memory-signer';
import { sealedCertificate } from '../fixtures/bundling/sealed-certificate';
import { standardFontsAndPng } from '../fixtures/bundling/standard-fonts-and-png';
import { sealTestInput } from '../support/certificate-input';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/bundling/standard-fonts-and-png.ts');
const CERTIFICATE_FIXTURE = path.join(REPO_ROOT, 'test/fixtures/bundling/sealed-certificate.ts');

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

/** Runs `render` with pdf-lib's streams compressed by Node's zlib, as the bundles compress them (functions/pdf/native-deflate.ts, infra/bundling/pako-on-zlib.ts). */
async function withZlibDeflate<T>(render: () => Promise<T>): Promise<T> {
  const installed = pako.deflate;
  pako.deflate = (data: Uint8Array) => new Uint8Array(deflateSync(data));
  try {
    return await render();
  } finally {
    pako.deflate = installed;
  }
}

/** `entry` bundled as a Lambda function is, into a temporary folder, and imported from there. */
async function withBundled<T>(entry: string, use: (bundled: T) => Promise<void>): Promise<void> {
  const directory = mkdtempSync(path.join(tmpdir(), 'ports-alliance-deferred-'));
  try {
    const outfile = path.join(directory, 'index.mjs');
    await build({ ...lambdaBuildOptions(entry), outfile });
    await use((await import(pathToFileURL(outfile).href)) as T);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

describe('pdf-lib data the Lambda bundles load on first use', () => {
  it('gives the same document, byte for byte, as pdf-lib itself with zlib\'s deflate: three standard font encodings and a PNG', async () => {
    await withBundled<{ standardFontsAndPng: typeof standardFontsAndPng }>(FIXTURE, async (bundled) => {
      const png = smallPng();
      const fromBundle = await bundled.standardFontsAndPng(png);
      expect(Buffer.from(fromBundle).toString('latin1')).toContain('/BaseFont /Helvetica');
      expect(Buffer.from(fromBundle).equals(Buffer.from(await withZlibDeflate(() => standardFontsAndPng(png))))).toBe(true);
    });
  });

  it('reach the functions that render PDFs through the deferring modules, with Node\'s zlib in place of pako', async () => {
    for (const functionId of ['seal-certificate', 'generate-joint-declaration', 'preview-joint-declaration'] as const) {
      const result = await build({ ...lambdaBuildOptions(path.join(REPO_ROOT, FUNCTIONS[functionId].entry)), write: false, outfile: 'index.mjs', metafile: true });
      const inputs = Object.keys(Object.values(result.metafile.outputs)[0]!.inputs);
      expect(inputs, functionId).toEqual(expect.arrayContaining(['infra/bundling/standard-font-encodings.ts', 'infra/bundling/png-decoder.ts', 'infra/bundling/pako-on-zlib.ts']));
      expect(inputs.filter((input) => input.includes('node_modules/pako/')), functionId).toEqual([]);
    }
  });

  it('leave the sealed certificate byte for byte what the same code gives unbundled, and its seal valid', async () => {
    await withBundled<{ sealedCertificate: typeof sealedCertificate }>(CERTIFICATE_FIXTURE, async (bundled) => {
      const seal = await createDevelopmentSeal();
      // One instant for both, within the fresh certificate's validity.
      const sealedAt = new Date(Math.ceil(Date.now() / 1000) * 1000 + 60_000);
      const fromBundle = await bundled.sealedCertificate(sealTestInput(), seal.privateKeyPem, seal.certificateDer, sealedAt);
      const unbundled = await sealedCertificate(sealTestInput(), seal.privateKeyPem, seal.certificateDer, sealedAt);
      expect(fromBundle.failures).toEqual([]);
      expect(fromBundle.valid).toBe(true);
      expect(fromBundle.pdf.equals(unbundled.pdf)).toBe(true);
    });
  });
});
