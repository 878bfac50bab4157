import { ExportFileNamer, manifestCsv, manifestJson, type ManifestEntry } from '../domain/document-export';
import { streamUpload } from '../files/bucket';
import { ZipStream } from '../files/zip-stream';
import { clock } from '../shared/clock';
import { loggableError, logger } from '../shared/logger';
import { StoredDocumentMismatch, type DocumentRecord } from '../store/documents';
import { claimDocumentExport, completeDocumentExport, failDocumentExport, getDocumentExport, recordExportProgress } from '../store/document-exports';
import { selectExportDocuments } from './find-documents';
import { sealedCertificateBytes } from './sealed-certificate-file';

/** Documents read ahead of the one being written: enough to hide the table's latency, few enough to keep memory flat. */
const READ_AHEAD = 16;
/** How often the progress shown to the person waiting is written. */
const PROGRESS_EVERY_MS = 1_000;

export type BuildOutcome = 'built' | 'not-pending' | 'not-found' | 'failed';

/** A failure worth telling the person who asked for the export, in their words. */
class ExportStopped extends Error {}

/**
 * Builds one export: claims it (once), streams the selected PDFs from the files bucket (or the table, for those sealed before) into a ZIP that is
 * uploaded to the files bucket as it is written, checking each PDF's bytes against the SHA-256
 * recorded when it was sealed, then adds the manifest (CSV and JSON) and records the export ready.
 * A failure is recorded on the export, with a reason, and the partial upload removed.
 */
export async function buildDocumentExport(exportId: string): Promise<BuildOutcome> {
  const record = await getDocumentExport(exportId);
  if (!record) return 'not-found';
  if (record.state !== 'PENDING') return 'not-pending';
  const documents = await selectExportDocuments(record.selection);
  const startedAt = clock.now();
  if (!(await claimDocumentExport(exportId, { total: documents.length, startedAt: startedAt.toISOString() }))) return 'not-pending';

  const upload = streamUpload(record.objectKey, 'application/zip');
  const zip = new ZipStream();
  zip.output.pipe(upload.body);
  try {
    const namer = new ExportFileNamer();
    const entries: ManifestEntry[] = [];
    let progressWrittenAt = clock.now().getTime();
    for await (const { document, bytes } of readInOrder(documents)) {
      const file = namer.nameFor(document);
      await zip.addStored(file, bytes, new Date(document.sealedAt));
      entries.push({
        file, sha256: document.sha256, size: document.size, commitmentId: document.commitmentId,
        organisation: document.organisation, country: document.country, category: document.category, sealedAt: document.sealedAt,
      });
      if (clock.now().getTime() - progressWrittenAt >= PROGRESS_EVERY_MS) {
        progressWrittenAt = clock.now().getTime();
        await recordExportProgress(exportId, entries.length);
      }
    }
    const createdAt = clock.now();
    zip.addText('manifest.csv', manifestCsv(entries), createdAt);
    zip.addText('manifest.json', manifestJson({ exportId, selection: record.selection, createdAt: createdAt.toISOString() }, entries), createdAt);
    const [written] = await Promise.all([zip.finish(), upload.done]);
    await completeDocumentExport(exportId, { added: entries.length, zipBytes: written.bytes, zipSha256: written.sha256, finishedAt: clock.now().toISOString() });
    logger.info('export built', { exportId, documents: entries.length, zipBytes: written.bytes, seconds: (clock.now().getTime() - startedAt.getTime()) / 1000 });
    return 'built';
  } catch (error) {
    logger.error('export failed', { exportId, error: loggableError(error, true) });
    zip.output.unpipe(upload.body);
    await upload.abort();
    await failDocumentExport(exportId, {
      failure: error instanceof ExportStopped ? error.message : 'Something went wrong on our side while building the ZIP. Start a new export in a minute.',
      finishedAt: clock.now().toISOString(),
    });
    return 'failed';
  }
}

/** Each document with its bytes, in order, reading a few ahead. */
async function* readInOrder(documents: readonly DocumentRecord[]): AsyncGenerator<{ document: DocumentRecord; bytes: Buffer }> {
  const read = (document: DocumentRecord) => {
    const reading = sealedCertificateBytes(document).then((bytes) => ({ document, bytes }), (error: unknown) => {
      if (!(error instanceof StoredDocumentMismatch)) throw error;
      throw new ExportStopped(`The stored PDF of ${document.organisation} (${document.commitmentId}) does not match the SHA-256 recorded when it was sealed, `
        + 'so the export was stopped and nothing was made available. Report it to the security team.', { cause: error });
    });
    // Awaited in turn below; a failure ahead of its turn must not count as unhandled meanwhile.
    reading.catch(() => undefined);
    return reading;
  };
  const ahead: Promise<{ document: DocumentRecord; bytes: Buffer }>[] = [];
  let next = 0;
  while (next < documents.length && ahead.length < READ_AHEAD) ahead.push(read(documents[next++]!));
  while (ahead.length > 0) {
    const current = await ahead.shift()!;
    if (next < documents.length) ahead.push(read(documents[next++]!));
    yield current;
  }
}
