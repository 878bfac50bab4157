import type { ExportState } from '../domain/document-export';
import { DomainError } from '../domain/errors';
import { downloadUrl } from '../files/bucket';
import { clock } from '../shared/clock';
import { getDocumentExport, type DocumentExportRecord } from '../store/document-exports';

/**
 * An export still unfinished this long after it was asked for has stopped (its builder runs 15
 * minutes at most): it is reported failed, so nobody waits for it.
 */
const STALLED_AFTER_MS = 20 * 60 * 1000;

/** What the API says of an export. */
export interface DocumentExportView {
  readonly exportId: string;
  readonly requestId: string;
  readonly state: ExportState;
  readonly requestedAt: string;
  readonly selection: DocumentExportRecord['selection'];
  readonly total?: number;
  readonly added?: number;
  readonly finishedAt?: string;
  readonly zipBytes?: number;
  readonly zipSha256?: string;
  readonly failure?: string;
  /** Once ready, from GET: a URL that downloads the ZIP for a few minutes; ask again for a fresh one. */
  readonly download?: { readonly url: string; readonly expiresAt: string; readonly filename: string };
}

/** The state of an export and, when it is ready, a short-lived download URL. */
export async function getDocumentExportState(exportId: string): Promise<DocumentExportView> {
  const record = await getDocumentExport(exportId);
  if (!record) throw new DomainError('NOT_FOUND', 'There is no export with that id; exports are kept three days.');
  return exportView(record);
}

/** What the API says of an export; the download URL only when asked for (signing it needs read access to the bucket). */
export async function exportView(record: DocumentExportRecord, options: { withDownload: boolean } = { withDownload: true }): Promise<DocumentExportView> {
  const now = clock.now();
  const { exportId, requestId, state, requestedAt, selection, total, added, finishedAt, zipBytes, zipSha256, failure } = record;
  const view: DocumentExportView = { exportId, requestId, state, requestedAt, selection, total, added, finishedAt, zipBytes, zipSha256, failure };
  if (state === 'READY' && options.withDownload) {
    const filename = `ports-alliance-sealed-pdfs-${selection.declarationId}-${requestedAt.slice(0, 10)}.zip`;
    return { ...view, download: { ...(await downloadUrl(record.objectKey, filename, now)), filename } };
  }
  if (state === 'READY') return view;
  if ((state === 'PENDING' || state === 'BUILDING') && now.getTime() - Date.parse(requestedAt) > STALLED_AFTER_MS) {
    return { ...view, state: 'FAILED', failure: 'The export stopped before it was finished. Start a new one.' };
  }
  return view;
}
