import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ZipStream } from '../../functions/files/zip-stream';
import { unzip } from '../support/zip';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const pdfLike = (size: number, seed: number) => Buffer.alloc(size, seed);

describe('the ZIP stream', () => {
  it('waits for its reader: while nobody reads, it takes one file ahead and no more, so memory holds about two files', async () => {
    const zip = new ZipStream();
    await zip.addStored('a.pdf', pdfLike(4_000_000, 1), new Date('2027-01-05T10:00:00Z'));
    let added = false;
    const adding = zip.addStored('b.pdf', pdfLike(4_000_000, 2), new Date('2027-01-05T10:00:00Z')).then(() => (added = true));
    for (let turn = 0; turn < 50; turn++) await nextTurn();
    expect(added).toBe(false);
    expect(zip.output.readableLength).toBeLessThan(4_100_000);

    const chunks: Buffer[] = [];
    zip.output.on('data', (chunk: Buffer) => chunks.push(chunk));
    await adding;
    expect(added).toBe(true);
    const finished = await zip.finish();
    const bytes = Buffer.concat(chunks);
    expect(finished).toEqual({ bytes: bytes.length, sha256: sha256(bytes) });
  });

  it('writes entries in order, stored as they are, named in UTF-8, with the manifest compressed', async () => {
    const zip = new ZipStream();
    const chunks: Buffer[] = [];
    zip.output.on('data', (chunk: Buffer) => chunks.push(chunk));
    const files = [
      { name: 'GR/customs/Λιμενικό Σώμα-9t0vwxyz.pdf', bytes: pdfLike(50_000, 2) },
      { name: 'RO/customs/Agenția Vamală Română-9t0vabcd.pdf', bytes: pdfLike(60_000, 3) },
    ];
    for (const file of files) await zip.addStored(file.name, file.bytes, new Date('2027-01-05T10:00:00Z'));
    zip.addText('manifest.csv', 'file,sha256\n'.repeat(200), new Date('2027-01-05T10:00:00Z'));
    await zip.finish();
    const entries = await unzip(Buffer.concat(chunks));
    expect(entries.map((entry) => [entry.name, entry.utf8Flag, entry.compressionMethod])).toEqual([
      [files[0]!.name, true, 0],
      [files[1]!.name, true, 0],
      ['manifest.csv', true, 8],
    ]);
    expect(entries[1]!.bytes.equals(files[1]!.bytes)).toBe(true);
  });
});
