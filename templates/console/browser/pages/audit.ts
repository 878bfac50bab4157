/** Audit: the sealed documents of a declaration (filtered, downloaded byte for byte) and its audit trail. */
import type { DeclarationList, DocumentList } from '../api-types';
import { act, api, byId, CATEGORY_LABELS, clear, CONFIG, count, COUNTS, download, el, fill, fmtDate, say, showProblem, start, T } from '../core';
import { exportSealedPdfs, type ExportFilters } from '../document-export';
import { showJointDeclaration } from '../joint-declaration';

let declarationId = new URLSearchParams(location.search).get('declarationId') || '';
const input = (id: string) => byId(id, HTMLInputElement);
const select = (id: string) => byId(id, HTMLSelectElement);

/** The filters as the form shows them: the list and the ZIP export select the same documents. */
function documentFilters(): ExportFilters {
  const category = select('d-category').value;
  const country = input('d-country').value.trim().toUpperCase();
  return {
    categories: category ? [category] : [],
    countries: country ? [country] : [],
    q: input('d-q').value.trim(),
    sealedFrom: input('d-from').value ? `${input('d-from').value}T00:00:00Z` : '',
    sealedTo: input('d-to').value ? `${input('d-to').value}T23:59:59.999Z` : '',
  };
}

async function loadDocuments(event?: Event): Promise<void> {
  event?.preventDefault();
  if (!declarationId) return;
  const params = new URLSearchParams({ declarationId });
  const add = (name: string, value: string) => { if (value) params.set(name, value); };
  const filters = documentFilters();
  add('category', filters.categories?.[0] ?? '');
  add('country', filters.countries?.[0] ?? '');
  add('q', filters.q ?? '');
  add('sealedFrom', filters.sealedFrom ?? '');
  add('sealedTo', filters.sealedTo ?? '');
  const { documents } = await api<DocumentList>(`/api/documents?${params.toString()}`);
  const body = clear(byId('documents-body'));
  for (const documentRecord of documents) {
    const button = el('button', { type: 'button', class: 'small', 'aria-label': fill(T.downloadPdfOf, { organisation: documentRecord.organisation }) }, T.downloadPdfShort);
    button.addEventListener('click', () => act(button, async () => {
      const response = await api(`/api/documents/${encodeURIComponent(documentRecord.commitmentId)}`, { raw: true });
      download(await response.blob(), `ports-alliance-commitment-${documentRecord.commitmentId}.pdf`);
      say(fill(T.downloadedPdfOf, { organisation: documentRecord.organisation, sha256: response.headers.get('x-content-sha256') ?? '' }));
    }));
    body.append(el('tr', {},
      el('td', {}, el('a', { href: `/console/commitments/${encodeURIComponent(documentRecord.commitmentId)}` }, documentRecord.organisation)),
      el('td', {}, CATEGORY_LABELS[documentRecord.category] ?? documentRecord.category),
      el('td', {}, documentRecord.country),
      el('td', { class: 'date' }, fmtDate(documentRecord.sealedAt)),
      el('td', { class: 'mono' }, documentRecord.sha256),
      el('td', {}, count(documentRecord.size, COUNTS.byte)),
      el('td', {}, button)));
  }
  if (!documents.length) body.append(el('tr', {}, el('td', { colspan: 7 }, T.noDocumentMatches)));
  byId('documents-count').textContent = fill(T.documentsCount, { documents: count(documents.length, COUNTS.sealedDocument) });
}

/** Follows the pages of the export and joins them: each page continues the chain of the one before. */
async function exportTrail(button: HTMLButtonElement): Promise<void> {
  await act(button, async () => {
    const parts: string[] = [];
    let after = '';
    let head = '';
    let events = 0;
    for (;;) {
      const response = await api(`/api/declarations/${encodeURIComponent(declarationId)}/audit-trail.jsonl${after ? `?after=${encodeURIComponent(after)}` : ''}`, { raw: true });
      parts.push(await response.text());
      head = response.headers.get('x-audit-trail-head') ?? '';
      events += Number(response.headers.get('x-audit-trail-events') || 0);
      after = response.headers.get('x-audit-trail-next') || '';
      say(count(events, COUNTS.exportedSoFar));
      if (!after) break;
    }
    const filename = `audit-trail-${declarationId}.jsonl`;
    download(new Blob(parts, { type: 'application/x-ndjson' }), filename);
    const done = el('div', { class: 'ok', id: 'trail-done', tabindex: -1 },
      el('p', {}, fill(T.trailExported, { events: count(events, COUNTS.event), filename })),
      el('p', { class: 'mono', id: 'trail-head' }, head),
      el('p', {}, T.trailKeep),
      el('p', { class: 'mono' }, `npm run verify-audit -- ${filename} --head ${head}`));
    clear(byId('trail-result')).append(done);
    done.focus();
    say(T.trailDone);
  });
}

void start(async () => {
  select('d-category').append(...CONFIG.categories.map((category) => el('option', { value: category.id }, category.label)));
  const { declarations } = await api<DeclarationList>('/api/declarations');
  const choice = select('d-declaration');
  choice.append(...declarations.map((declaration) => el('option', { value: declaration.id }, fill(T.declarationOption, { title: declaration.title, status: declaration.status === 'DRAFT' ? T.statusDraft : declaration.status === 'OPEN' ? T.statusOpen : T.statusClosed, date: declaration.createdAt.slice(0, 10) }))));
  if (!declarationId && declarations[0]) declarationId = declarations[0].id;
  choice.value = declarationId;
  const showJoint = () => {
    const declaration = declarations.find((candidate) => candidate.id === declarationId);
    return declaration ? showJointDeclaration(byId('joint-declaration'), { declarationId, status: declaration.status, isAdmin: false }) : Promise.resolve();
  };
  choice.addEventListener('change', () => {
    declarationId = choice.value;
    history.replaceState(null, '', `/console/audit?declarationId=${encodeURIComponent(declarationId)}`);
    clear(byId('trail-result'));
    clear(byId('zip-result'));
    loadDocuments().catch(showProblem);
    showJoint().catch(showProblem);
  });
  const zipButton = byId('export-zip', HTMLButtonElement);
  zipButton.addEventListener('click', () => exportSealedPdfs(zipButton, byId('zip-result'), declarationId, documentFilters()));
  byId('document-filters').addEventListener('submit', (event) => { loadDocuments(event).catch(showProblem); });
  const exportButton = byId('export-trail', HTMLButtonElement);
  exportButton.addEventListener('click', () => exportTrail(exportButton));
  if (!declarations.length) {
    say(T.noDeclarationYet);
    return;
  }
  await Promise.all([loadDocuments(), showJoint()]);
});
