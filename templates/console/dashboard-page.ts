import { OPERATOR_LANGUAGES } from '../../functions/domain/languages';
import { html } from '../html';
import type { ConsolePage } from './layout';

const languageNames = new Intl.DisplayNames('en', { type: 'language' });

/** The languages an organisation can be invited in: those the product speaks to operators, no other. */
const inviteLanguageOptions = OPERATOR_LANGUAGES.map((language) => html`<option value="${language}"${language === 'en' ? html` selected` : ''}>${languageNames.of(language) ?? language} (${language})</option>`);

export function dashboardPage(declarationId: string): ConsolePage {
  return {
    title: 'Declaration',
    section: 'declarations',
    params: { declarationId },
    script: 'dashboard',
    body: html`
<p><a href="/console">All declarations</a></p>
<section class="panel" aria-labelledby="title">
<div class="row"><div class="grow"><h1 id="title">Declaration</h1><p id="meta" class="muted"></p></div><div id="declaration-actions"></div></div>
<div id="summary"></div>
<details><summary>Counts by state, category and country, and signatures over time</summary>
<div class="columns" id="breakdown"></div>
<h2>Signatures over time</h2><div id="chart"></div>
</details>
</section>

<section class="panel" aria-labelledby="joint-title">
<h2 id="joint-title">Joint declaration</h2>
<div id="joint-declaration"></div>
</section>

<div role="tablist" aria-label="Work on this declaration">
<button type="button" role="tab" id="tab-list" aria-controls="panel-list" aria-selected="true">Commitments</button>
<button type="button" role="tab" id="tab-review" aria-controls="panel-review" aria-selected="false" tabindex="-1" data-admin>Review queue (<span id="review-count">0</span>)</button>
<button type="button" role="tab" id="tab-countersign" aria-controls="panel-countersign" aria-selected="false" tabindex="-1" data-admin>Countersignature queue (<span id="countersign-count">0</span>)</button>
<button type="button" role="tab" id="tab-invite" aria-controls="panel-invite" aria-selected="false" tabindex="-1" data-admin>Invite</button>
</div>

<section role="tabpanel" id="panel-list" aria-labelledby="tab-list" class="panel">
<form id="filters" role="search" aria-label="Filter the commitments" class="row">
<div><label for="f-state">State</label><select id="f-state"><option value="">Any</option></select></div>
<div><label for="f-category">Category</label><select id="f-category"><option value="">Any</option></select></div>
<div><label for="f-country">Country</label><select id="f-country"><option value="">Any</option></select></div>
<div class="grow"><label for="f-q">Search</label><input type="search" id="f-q" maxlength="200" placeholder="Organisation, contact, signer, address or id"></div>
<div><label for="f-size">Rows per page</label><select id="f-size"><option>25</option><option selected>50</option><option>100</option><option>250</option></select></div>
<div><button type="submit" class="primary">Apply</button></div>
</form>
<div class="row"><p id="list-count" class="grow" tabindex="-1"></p>
<div><button type="button" id="export-csv">Export as CSV</button><button type="button" id="export-zip">Export sealed PDFs (ZIP)</button><button type="button" id="remind-selected" data-admin>Remind the selected now</button></div></div>
<div id="zip-result"></div>
<div id="list-results" class="results"></div>
<div class="table-scroll"><table id="list-table"><caption class="visually-hidden">Commitments; the column buttons sort</caption>
<thead><tr id="list-head"></tr></thead><tbody id="list-body"></tbody></table></div>
<div class="pager"><button type="button" id="prev">Previous page</button><span id="page-info" aria-live="polite"></span><button type="button" id="next">Next page</button></div>
</section>

<section role="tabpanel" id="panel-review" aria-labelledby="tab-review" class="panel" hidden data-admin>
<h2>Review queue</h2>
<p class="muted">The automatic checks flagged these signatures. Approve one to send it to countersignature, or reject it; either way, write why.</p>
<form id="review-bulk" hidden><fieldset><legend>Review several at once</legend>
<p class="muted">Select commitments below, then approve or reject them all with one reason. Each is reviewed once, with its own entry in the audit trail.</p>
<p><label><input type="checkbox" id="review-select-all"> Select every flagged commitment listed</label></p>
<label for="review-bulk-reason">Reason for the selected (recorded for each)</label>
<textarea id="review-bulk-reason" rows="2" maxlength="2000"></textarea>
<p id="review-bulk-problem" class="muted" aria-live="polite"></p>
<div><button type="button" class="primary" id="review-approve-selected" disabled>Approve the selected</button><button type="button" class="danger" id="review-reject-selected" disabled>Reject the selected</button></div>
</fieldset></form>
<div id="review-results"></div>
<div id="review-queue"></div>
</section>

<section role="tabpanel" id="panel-countersign" aria-labelledby="tab-countersign" class="panel" hidden data-admin>
<h2>Countersignature queue</h2>
<p id="countersign-summary"></p>
<div><button type="button" class="primary" id="countersign-selected" disabled>Countersign the selected commitments</button><button type="button" id="countersign-all" disabled>Countersign all verified commitments</button></div>
<div id="countersign-results" class="results"></div>
<div class="table-scroll"><table id="countersign-table"><caption class="visually-hidden">Verified commitments awaiting countersignature, oldest signature first</caption>
<thead><tr><th scope="col"><input type="checkbox" id="countersign-select-all" aria-label="Select every listed commitment"></th><th scope="col">Organisation</th><th scope="col">Category</th><th scope="col">Country</th><th scope="col">Signer</th><th scope="col">Signed</th></tr></thead>
<tbody id="countersign-body"></tbody></table></div>
</section>

<section role="tabpanel" id="panel-invite" aria-labelledby="tab-invite" class="panel" hidden data-admin>
<h2>Invite one organisation</h2>
<form id="invite-form" class="row">
<div class="grow"><label for="i-name">Organisation</label><input type="text" id="i-name" maxlength="300" required></div>
<div><label for="i-category">Category</label><select id="i-category" required></select></div>
<div><label for="i-country">Country (ISO code)</label><input type="text" id="i-country" maxlength="2" size="4" required></div>
<div class="grow"><label for="i-email">Contact's email</label><input type="email" id="i-email" maxlength="254" required></div>
<div class="grow"><label for="i-contact">Contact's name</label><input type="text" id="i-contact" maxlength="200" required></div>
<div><label for="i-language">Language</label><select id="i-language">${inviteLanguageOptions}</select></div>
<div class="grow"><label for="i-domains">Registered email domains (optional)</label><input type="text" id="i-domains" maxlength="2000" placeholder="customs.example, douane.example"></div>
<div><button type="submit" class="primary" id="invite-submit">Invite</button></div>
</form>
<p id="invite-outcome" aria-live="polite"></p>

<h2>Invite many from a CSV file</h2>
<p>One row per organisation, up to 5,000, UTF-8, separated by commas or semicolons, with a first line naming the columns:
<code>organisation</code>, <code>category</code> (${'law_enforcement, customs, port_authority, private_operator or eu_agency'}), <code>country</code> (two letters),
<code>email</code>, <code>contact_name</code>, and optionally <code>language</code> (one of the 24 official EU languages by its two-letter code, default en; another is refused) and <code>email_domains</code> (separated by spaces or semicolons).
<button type="button" class="small" id="csv-template">Download a template</button></p>
<p class="muted">First the whole file is checked: every row with a problem is listed with its line. Nothing is imported until the file is clean, unless you choose to import only the good rows. An address already invited is skipped, never invited twice.</p>
<div class="row"><div class="grow"><label for="csv-file">Invitation file (.csv)</label><input type="file" id="csv-file" accept=".csv,text/csv"></div>
<div><button type="button" id="csv-check" class="primary">Check the file</button></div></div>
<div id="csv-report" tabindex="-1"></div>
</section>`,
  };
}
