import { buildDocumentExport } from '../../operations/build-document-export';
import { eventHandler } from '../../shared/event-handler';

/** Invoked asynchronously with `{ exportId }` by the function that records an export. */
export const handler = eventHandler('build-document-export', async (event: { exportId?: unknown }) => {
  if (typeof event?.exportId !== 'string') throw new Error('the event names no export: expected { exportId }');
  return { exportId: event.exportId, outcome: await buildDocumentExport(event.exportId) };
});
