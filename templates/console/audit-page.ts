import { html } from '../html';
import type { ConsolePage } from './layout';

export function auditPage(): ConsolePage {
  return {
    title: 'Audit',
    section: 'audit',
    script: 'audit',
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
<div class="row"><p id="documents-count" class="grow" aria-live="polite"></p>
<div><button type="button" id="export-zip">Export sealed PDFs (ZIP)</button></div></div>
<div id="zip-result"></div>
<div class="table-scroll"><table><caption class="visually-hidden">Sealed documents, newest first</caption>
<thead><tr><th scope="col">Organisation</th><th scope="col">Category</th><th scope="col">Country</th><th scope="col">Sealed</th><th scope="col">SHA-256</th><th scope="col">Bytes</th><th scope="col"><span class="visually-hidden">Download</span></th></tr></thead>
<tbody id="documents-body"></tbody></table></div>
</section>
<section class="panel" aria-labelledby="joint-title">
<h2 id="joint-title">Joint declaration</h2>
<div id="joint-declaration"></div>
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
