import { html } from '../html';
import type { ConsolePage } from './layout';

export function declarationsPage(): ConsolePage {
  return {
    title: 'Declarations',
    section: 'declarations',
    script: 'declarations',
    body: html`
<section class="panel" aria-labelledby="declarations-title">
<div class="row"><div class="grow"><h1 id="declarations-title">Declarations</h1>
<p class="muted">Each declaration is signed by the organisations invited to it. Open one to track, remind, review and countersign.</p></div>
<div data-admin><a class="button primary" href="/console/declarations/new">New declaration</a></div></div>
<p id="auditor-hint" class="muted" hidden>As an auditor you can read everything and download sealed documents and audit trails; see <a href="/console/audit">Audit</a>.</p>
<div class="table-scroll"><table><caption class="visually-hidden">Declarations, newest first</caption>
<thead><tr><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Version</th><th scope="col">Created</th><th scope="col">Deadline</th></tr></thead>
<tbody id="declarations-body"></tbody></table></div>
<p id="declarations-empty" class="muted" hidden>No declaration yet.</p>
</section>`,
  };
}
