import { DomainError } from '../domain/errors';
import { downloadUrl } from '../files/bucket';
import { clock } from '../shared/clock';
import { getDocumentExport } from '../store/document-exports';
import { exportStateView, type DocumentExportView } from './document-export-view';

/** The state of an export and, when it is ready, a short-lived download URL. */
export async function getDocumentExportState(exportId: string): Promise<DocumentExportView> {
  const record = await getDocumentExport(exportId);
  if (!record) throw new DomainError('NOT_FOUND', 'There is no export with that id; exports are kept three days.');
  const now = clock.now();
  const view = exportStateView(record, now);
  if (view.state !== 'READY') return view;
  const filename = `ports-alliance-sealed-pdfs-${record.selection.declarationId}-${record.requestedAt.slice(0, 10)}.zip`;
  return { ...view, download: { ...(await downloadUrl(record.objectKey, filename, now)), filename } };
}
