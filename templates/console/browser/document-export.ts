/** The "Export sealed PDFs (ZIP)" action of the audit page and the commitments list: start, follow, download. */
import type { DocumentExport } from './api-types';
import { act, api, clear, count, COUNTS, el, fill, fmtNumber, say, T, uuid } from './core';

/** The filters of the list the export follows, as the export request takes them. */
export interface ExportFilters {
  readonly states?: readonly string[];
  readonly categories?: readonly string[];
  readonly countries?: readonly string[];
  readonly q?: string;
  readonly sealedFrom?: string;
  readonly sealedTo?: string;
}

/** How often the page asks how far the export got. */
const POLL_MS = 1_000;

const megabytes = (bytes: number) => fmtNumber(bytes / 1_000_000, { maximumFractionDigits: 1 });

/** Only the filters that are set: an empty one means "any". */
function requestBody(filters: ExportFilters): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => (Array.isArray(value) ? value.length > 0 : Boolean(value))));
}

/**
 * Asks for a ZIP of the sealed PDFs the filters select, shows its progress in `output`, then a link
 * that downloads it (valid for minutes). One request id per click: a retried request finds the same export.
 */
export async function exportSealedPdfs(trigger: HTMLButtonElement, output: HTMLElement, declarationId: string, filters: ExportFilters): Promise<void> {
  await act(trigger, async () => {
    const status = el('p', { id: 'zip-status' }, T.preparingZip);
    const progress = el('progress', { id: 'zip-progress', max: 1, value: 0, 'aria-labelledby': 'zip-status' });
    clear(output).append(el('div', { role: 'status' }, status), progress);
    let { export: current } = await api<{ export: DocumentExport }>(`/api/declarations/${encodeURIComponent(declarationId)}/document-exports`, {
      method: 'POST', body: { requestId: uuid(), ...requestBody(filters) },
    });
    while (current.state === 'PENDING' || current.state === 'BUILDING') {
      if (current.total !== undefined) {
        progress.max = Math.max(current.total, 1);
        progress.value = current.added ?? 0;
        status.textContent = fill(T.zipAdded, { added: fmtNumber(current.added ?? 0), pdfs: count(current.total, COUNTS.sealedPdf) });
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      ({ export: current } = await api<{ export: DocumentExport }>(`/api/document-exports/${encodeURIComponent(current.exportId)}`));
    }
    if (current.state === 'FAILED' || !current.download) {
      clear(output).append(el('div', { class: 'alert', role: 'alert' }, el('p', {}, current.failure ?? T.exportFailed)));
      return;
    }
    const added = current.added ?? 0;
    const link = el('a', { href: current.download.url, id: 'zip-download', class: 'button primary', download: current.download.filename },
      fill(T.downloadZip, { pdfs: count(added, COUNTS.sealedPdf), size: megabytes(current.zipBytes ?? 0) }));
    clear(output).append(el('div', { class: 'ok' },
      el('p', {}, link),
      el('p', { class: 'muted' }, T.zipFiles)));
    link.focus();
    say(fill(T.zipReady, { pdfs: count(added, COUNTS.sealedPdf) }));
  });
}
