import { exportIdFor, sameSelection, type ExportSelection } from '../domain/document-export';
import { DomainError } from '../domain/errors';
import { FILE_PREFIXES } from '../files/prefixes';
import { startExportBuilder } from '../jobs/export-builder';
import type { Caller } from '../shared/access';
import { clock } from '../shared/clock';
import { createDocumentExport, type DocumentExportRecord } from '../store/document-exports';
import { exportStateView, type DocumentExportView } from './document-export-view';
import { loadDeclaration } from './load';

/** The bucket removes exports after three days (infra/stateful-stack.ts); their records go too. */
export const EXPORT_KEPT_DAYS = 3;

export interface StartExportRequest {
  /** The caller's own id for this request: repeating the request with it finds the same export. */
  readonly requestId: string;
  readonly selection: ExportSelection;
}

/**
 * Asks for a ZIP of the sealed PDFs a selection names. The export is recorded first, then built in
 * the background; once per caller and request id, however often the request is repeated. A repeat
 * while the export still waits to start starts the builder again (a builder claims an export once).
 */
export async function startDocumentExport(request: StartExportRequest, caller: Caller): Promise<{ created: boolean; export: DocumentExportView }> {
  await loadDeclaration(request.selection.declarationId);
  const now = clock.now();
  const exportId = exportIdFor(caller.userId, request.requestId);
  const { created, record } = await createDocumentExport({
    exportId,
    requestId: request.requestId,
    requestedBy: caller.userId,
    requestedAt: now.toISOString(),
    selection: request.selection,
    state: 'PENDING',
    objectKey: `${FILE_PREFIXES.exports}${request.selection.declarationId}/${exportId}.zip`,
    ttl: Math.floor(now.getTime() / 1000) + EXPORT_KEPT_DAYS * 24 * 3600,
  } satisfies DocumentExportRecord);
  if (!created && !sameSelection(record.selection, request.selection)) {
    throw new DomainError('ALREADY_DONE', 'This request id was used already for an export of other documents; use a new request id for a new export.');
  }
  if (record.state === 'PENDING') await startExportBuilder({ exportId });
  // The state only: the download URL comes from GET /api/document-exports/{id}, allowed to read the bucket.
  return { created, export: exportStateView(record, now) };
}
