import type { ExportState } from '../domain/document-export';
import type { DocumentExportRecord } from '../store/document-exports';

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

/** An export's state as the API reports it, without a download URL. */
export function exportStateView(record: DocumentExportRecord, now: Date): DocumentExportView {
  const { exportId, requestId, state, requestedAt, selection, total, added, finishedAt, zipBytes, zipSha256, failure } = record;
  const view: DocumentExportView = { exportId, requestId, state, requestedAt, selection, total, added, finishedAt, zipBytes, zipSha256, failure };
  if ((state === 'PENDING' || state === 'BUILDING') && now.getTime() - Date.parse(requestedAt) > STALLED_AFTER_MS) {
    return { ...view, state: 'FAILED', failure: 'The export stopped before it was finished. Start a new one.' };
  }
  return view;
}
