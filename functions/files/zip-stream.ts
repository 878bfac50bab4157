import { createHash } from 'node:crypto';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { ZipFile } from 'yazl';

/**
 * A ZIP written as it is read (yazl): entry names are marked UTF-8, ZIP64 is used when sizes call for it,
 * and `addStored` waits until what was added has passed to the reader's side, so a slow reader holds
 * the writer back and memory stays at about two entries (one waiting, one being read), however many follow. Counts and hashes what it writes.
 */
export class ZipStream {
  private readonly zip = new ZipFile();
  private readonly hash = createHash('sha256');
  private written = 0;
  private stored = 0;
  private wake: (() => void) | undefined;
  /** The ZIP's bytes: give them to one reader. */
  readonly output: Readable;

  constructor() {
    const counter = new Transform({
      transform: (chunk: Buffer, _encoding, callback) => {
        this.hash.update(chunk);
        this.written += chunk.length;
        this.wake?.();
        callback(null, chunk);
      },
    });
    this.output = this.zip.outputStream.pipe(counter);
  }

  /** Adds a file stored as is (PDFs are compressed already) and waits until the reader has taken its bytes. */
  async addStored(name: string, bytes: Uint8Array, modified: Date): Promise<void> {
    // yazl keeps every entry (and whatever its data function holds) until the central directory is
    // written: a buffer given to addBuffer would stay in memory to the end. The bytes are handed over
    // through a holder emptied once read, so each PDF is freed as soon as it is written.
    const holder: { bytes?: Uint8Array } = { bytes };
    this.zip.addReadStreamLazy(name, { mtime: modified, compressionLevel: 0, size: bytes.length }, (ready) => {
      const stream = new PassThrough();
      stream.end(holder.bytes);
      holder.bytes = undefined;
      ready(null, stream);
    });
    this.stored += bytes.length;
    // Headers add to what is written, so this is reached once at least every stored byte so far has passed.
    while (this.written < this.stored) {
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    this.wake = undefined;
  }

  /** Adds a small text file, compressed. */
  addText(name: string, text: string, modified: Date): void {
    this.zip.addBuffer(Buffer.from(text, 'utf8'), name, { mtime: modified, compressionLevel: 6 });
  }

  /** Writes the central directory; settles when the reader has taken the last byte. */
  async finish(): Promise<{ bytes: number; sha256: string }> {
    this.zip.end();
    await finished(this.output);
    return { bytes: this.written, sha256: this.hash.digest('hex') };
  }
}
