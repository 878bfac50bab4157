import { html } from '../html';
import type { ConsolePage } from './layout';

const SCRIPT = String.raw`
let declarationId = new URLSearchParams(location.search).get('declarationId') || '';

async function loadDocuments(event) {
  if (event) event.preventDefault();
  if (!declarationId) return;
  const params = new URLSearchParams({ declarationId });
  const add = (name, value) => { if (value) params.set(name, value); };
  add('category', $('d-category').value);
  add('country', $('d-country').value.trim().toUpperCase());
  add('q', $('d-q').value.trim());
  add('sealedFrom', $('d-from').value ? $('d-from').value + 'T00:00:00Z' : '');
  add('sealedTo', $('d-to').value ? $('d-to').value + 'T23:59:59.999Z' : '');
  const { documents } = await api('/api/documents?' + params.toString());
  const body = clear($('documents-body'));
  for (const documentRecord of documents) {
    const button = el('button', { type: 'button', class: 'small', 'aria-label': 'Download the sealed PDF of ' + documentRecord.organisation }, 'Download PDF');
    button.addEventListener('click', () => act(button, async () => {
      const response = await api('/api/documents/' + encodeURIComponent(documentRecord.commitmentId), { raw: true });
      download(await response.blob(), 'ports-alliance-commitment-' + documentRecord.commitmentId + '.pdf');
      say('Downloaded the PDF of ' + documentRecord.organisation + ' (SHA-256 ' + response.headers.get('x-content-sha256') + ').');
    }));
    body.append(el('tr', {},
      el('td', {}, el('a', { href: '/console/commitments/' + encodeURIComponent(documentRecord.commitmentId) }, documentRecord.organisation)),
      el('td', {}, CATEGORY_LABELS[documentRecord.category] || documentRecord.category),
      el('td', {}, documentRecord.country),
      el('td', {}, fmtDate(documentRecord.sealedAt)),
      el('td', { class: 'mono' }, documentRecord.sha256),
      el('td', {}, documentRecord.size.toLocaleString('en')),
      el('td', {}, button)));
  }
  if (!documents.length) body.append(el('tr', {}, el('td', { colspan: 7 }, 'No sealed document matches.')));
  $('documents-count').textContent = plural(documents.length, 'sealed document') + '.';
}

/** Follows the pages of the export and joins them: each page continues the chain of the one before. */
async function exportTrail(button) {
  await act(button, async () => {
    const parts = [];
    let after = '';
    let head = '';
    let events = 0;
    for (;;) {
      const response = await api('/api/declarations/' + encodeURIComponent(declarationId) + '/audit-trail.jsonl' + (after ? '?after=' + encodeURIComponent(after) : ''), { raw: true });
      parts.push(await response.text());
      head = response.headers.get('x-audit-trail-head');
      events += Number(response.headers.get('x-audit-trail-events') || 0);
      after = response.headers.get('x-audit-trail-next') || '';
      say('Exported ' + events + ' events so far…');
      if (!after) break;
    }
    const filename = 'audit-trail-' + declarationId + '.jsonl';
    download(new Blob(parts, { type: 'application/x-ndjson' }), filename);
    clear($('trail-result')).append(el('div', { class: 'ok', id: 'trail-done', tabindex: -1 },
      el('p', {}, 'Exported ' + plural(events, 'event') + ' as ' + filename + '. The last hash of the chain (its head) is:'),
      el('p', { class: 'mono', id: 'trail-head' }, head),
      el('p', {}, 'Keep it: it proves later that no event was removed from the end. To check the file:'),
      el('p', { class: 'mono' }, 'npm run verify-audit -- ' + filename + ' --head ' + head)));
    $('trail-done').focus();
    say('Audit trail exported.');
  });
}

start(async () => {
  $('d-category').append(...CONFIG.categories.map((c) => el('option', { value: c.id }, c.label)));
  const { declarations } = await api('/api/declarations');
  const select = $('d-declaration');
  select.append(...declarations.map((d) => el('option', { value: d.id }, d.title + ' (' + d.status.toLowerCase() + ', ' + d.createdAt.slice(0, 10) + ')')));
  if (!declarationId && declarations.length) declarationId = declarations[0].id;
  select.value = declarationId;
  select.addEventListener('change', () => {
    declarationId = select.value;
    history.replaceState(null, '', '/console/audit?declarationId=' + encodeURIComponent(declarationId));
    clear($('trail-result'));
    loadDocuments().catch(showProblem);
  });
  $('document-filters').addEventListener('submit', (event) => loadDocuments(event).catch(showProblem));
  $('export-trail').addEventListener('click', (event) => exportTrail(event.currentTarget));
  if (!declarations.length) { say('No declaration yet.'); return; }
  await loadDocuments();
});
`;

export function auditPage(): ConsolePage {
  return {
    title: 'Audit',
    section: 'audit',
    script: SCRIPT,
    body: html`
<section class="panel" aria-labelledby="audit-title">
<h1 id="audit-title">Audit</h1>
<p class="muted">Sealed documents are downloaded byte for byte as sealed, with the SHA-256 recorded when they were sealed. Everything here is read-only.</p>
<label for="d-declaration">Declaration</label><select id="d-declaration"></select>
</section>
<section class="panel" aria-labelledby="documents-title">
<h2 id="documents-title">Sealed documents</h2>
<form id="document-filters" class="row" role="search" aria-label="Filter the sealed documents">
<div><label for="d-category">Category</label><select id="d-category"><option value="">Any</option></select></div>
<div><label for="d-country">Country (ISO code)</label><input type="text" id="d-country" maxlength="2" size="4"></div>
<div class="grow"><label for="d-q">Organisation or id</label><input type="search" id="d-q" maxlength="200"></div>
<div><label for="d-from">Sealed from</label><input type="date" id="d-from"></div>
<div><label for="d-to">Sealed until</label><input type="date" id="d-to"></div>
<div><button type="submit" class="primary">Apply</button></div>
</form>
<p id="documents-count" aria-live="polite"></p>
<table><caption class="visually-hidden">Sealed documents, newest first</caption>
<thead><tr><th scope="col">Organisation</th><th scope="col">Category</th><th scope="col">Country</th><th scope="col">Sealed</th><th scope="col">SHA-256</th><th scope="col">Bytes</th><th scope="col"><span class="visually-hidden">Download</span></th></tr></thead>
<tbody id="documents-body"></tbody></table>
</section>
<section class="panel" aria-labelledby="trail-title">
<h2 id="trail-title">Audit trail</h2>
<p>Every event of the declaration (invitations, emails, signatures, checks, reviews, countersignatures, seals, deliveries, revocations) as JSON Lines. Each line carries the SHA-256 of the line before, so an edited, removed or reordered event is found by <code>npm run verify-audit</code>.</p>
<button type="button" id="export-trail" class="primary">Export the audit trail (JSON Lines)</button>
<div id="trail-result"></div>
<p class="muted">A commitment's own trail is on its page: follow the organisation's name.</p>
</section>`,
  };
}
