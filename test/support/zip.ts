import { fromBuffer, type Entry, type ZipFile } from 'yauzl';

export interface UnzippedEntry {
  readonly name: string;
  readonly bytes: Buffer;
  /** General purpose bit 11: the name is UTF-8. */
  readonly utf8Flag: boolean;
  /** 0: stored, 8: deflated. */
  readonly compressionMethod: number;
}

/** Every entry of a ZIP, read with yauzl (which checks each entry's CRC-32 as it reads). */
export function unzip(zip: Buffer): Promise<UnzippedEntry[]> {
  return new Promise((resolve, reject) => {
    fromBuffer(zip, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true }, (error, file?: ZipFile) => {
      if (error || !file) return reject(error ?? new Error('not a ZIP'));
      const entries: UnzippedEntry[] = [];
      file.on('error', reject);
      file.on('end', () => resolve(entries));
      file.on('entry', (entry: Entry) => {
        file.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error(`cannot read ${entry.fileName}`));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.push({ name: entry.fileName, bytes: Buffer.concat(chunks), utf8Flag: (entry.generalPurposeBitFlag & 0x800) !== 0, compressionMethod: entry.compressionMethod });
            file.readEntry();
          });
        });
      });
      file.readEntry();
    });
  });
}
