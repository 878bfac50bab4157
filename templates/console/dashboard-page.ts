import { OPERATOR_LANGUAGES } from '../../functions/domain/languages';
import { html } from '../html';
import { CONSOLE_MESSAGES, fill, type ConsoleLanguage } from './i18n';
import type { ConsolePage } from './layout';

/** The languages an organisation can be invited in: those the product speaks to operators, no other. */
function inviteLanguageOptions(consoleLanguage: ConsoleLanguage) {
  const names = new Intl.DisplayNames(consoleLanguage, { type: 'language' });
  return OPERATOR_LANGUAGES.map((language) => html`<option value="${language}"${language === 'en' ? html` selected` : ''}>${names.of(language) ?? language} (${language})</option>`);
}

export function dashboardPage(declarationId: string, language: ConsoleLanguage = 'en'): ConsolePage {
  const m = CONSOLE_MESSAGES[language].dashboard;
  const column = (name: string) => `\u0000${name}\u0000`;
  const [csvBefore = '', ...csvRest] = fill(m.csvFormat, {
    organisation: column('organisation'), category: column('category'), categories: 'law_enforcement, customs, port_authority, private_operator, eu_agency',
    country: column('country'), email: column('email'), contactName: column('contact_name'), language: column('language'), emailDomains: column('email_domains'),
  }).split('\u0000');
  // The column names stay as the file has them, in <code>; the wording around them is the catalog's.
  const csvFormat = [html`${csvBefore}`, ...csvRest.map((part, index) => (index % 2 === 0 ? html`<code>${part}</code>` : html`${part}`))];
  return {
    language,
    title: m.title,
    section: 'declarations',
    params: { declarationId },
    script: 'dashboard',
    body: html`
<p><a href="/console">${m.allDeclarations}</a></p>
<section class="panel" aria-labelledby="title">
<div class="row"><div class="grow"><h1 id="title">${m.title}</h1><p id="meta" class="muted"></p></div><div id="declaration-actions"></div></div>
<div id="summary"></div>
<details><summary>${m.breakdownSummary}</summary>
<div class="columns" id="breakdown"></div>
<h2>${m.signaturesOverTime}</h2><div id="chart"></div>
</details>
</section>

<section class="panel" aria-labelledby="joint-title">
<h2 id="joint-title">${m.jointDeclaration}</h2>
<div id="joint-declaration"></div>
</section>

<div role="tablist" aria-label="${m.tabs}">
<button type="button" role="tab" id="tab-list" aria-controls="panel-list" aria-selected="true">${m.tabList}</button>
<button type="button" role="tab" id="tab-review" aria-controls="panel-review" aria-selected="false" tabindex="-1" data-admin>${m.tabReview} (<span id="review-count">0</span>)</button>
<button type="button" role="tab" id="tab-countersign" aria-controls="panel-countersign" aria-selected="false" tabindex="-1" data-admin>${m.tabCountersign} (<span id="countersign-count">0</span>)</button>
<button type="button" role="tab" id="tab-invite" aria-controls="panel-invite" aria-selected="false" tabindex="-1" data-admin>${m.tabInvite}</button>
</div>

<section role="tabpanel" id="panel-list" aria-labelledby="tab-list" class="panel">
<form id="filters" role="search" aria-label="${m.filters}" class="row">
<div><label for="f-state">${m.state}</label><select id="f-state"><option value="">${m.any}</option></select></div>
<div><label for="f-category">${m.category}</label><select id="f-category"><option value="">${m.any}</option></select></div>
<div><label for="f-country">${m.country}</label><select id="f-country"><option value="">${m.any}</option></select></div>
<div class="grow"><label for="f-q">${m.search}</label><input type="search" id="f-q" maxlength="200" placeholder="${m.searchPlaceholder}"></div>
<div><label for="f-size">${m.rowsPerPage}</label><select id="f-size"><option>25</option><option selected>50</option><option>100</option><option>250</option></select></div>
<div><button type="submit" class="primary">${m.apply}</button></div>
</form>
<div class="row"><p id="list-count" class="grow" tabindex="-1"></p>
<div><button type="button" id="export-csv">${m.exportCsv}</button><button type="button" id="export-zip">${m.exportZip}</button><button type="button" id="remind-selected" data-admin>${m.remindSelected}</button></div></div>
<div id="zip-result"></div>
<div id="list-results" class="results"></div>
<div class="table-scroll"><table id="list-table"><caption class="visually-hidden">${m.listCaption}</caption>
<thead><tr id="list-head"></tr></thead><tbody id="list-body"></tbody></table></div>
<div class="pager"><button type="button" id="prev">${m.previousPage}</button><span id="page-info" aria-live="polite"></span><button type="button" id="next">${m.nextPage}</button></div>
</section>

<section role="tabpanel" id="panel-review" aria-labelledby="tab-review" class="panel" hidden data-admin>
<h2>${m.tabReview}</h2>
<p class="muted">${m.reviewIntro}</p>
<form id="review-bulk" hidden><fieldset><legend>${m.reviewBulk}</legend>
<p class="muted">${m.reviewBulkIntro}</p>
<p><label><input type="checkbox" id="review-select-all"> ${m.reviewSelectAll}</label></p>
<label for="review-bulk-reason">${m.reviewBulkReason}</label>
<textarea id="review-bulk-reason" rows="2" maxlength="2000"></textarea>
<p id="review-bulk-problem" class="muted" aria-live="polite"></p>
<div><button type="button" class="primary" id="review-approve-selected" disabled>${m.approveSelected}</button><button type="button" class="danger" id="review-reject-selected" disabled>${m.rejectSelected}</button></div>
</fieldset></form>
<div id="review-results"></div>
<div id="review-queue"></div>
</section>

<section role="tabpanel" id="panel-countersign" aria-labelledby="tab-countersign" class="panel" hidden data-admin>
<h2>${m.tabCountersign}</h2>
<p id="countersign-summary"></p>
<div><button type="button" class="primary" id="countersign-selected" disabled>${m.countersignSelected}</button><button type="button" id="countersign-all" disabled>${m.countersignAll}</button></div>
<div id="countersign-results" class="results"></div>
<div class="table-scroll"><table id="countersign-table"><caption class="visually-hidden">${m.countersignCaption}</caption>
<thead><tr><th scope="col"><input type="checkbox" id="countersign-select-all" aria-label="${m.countersignSelectAll}"></th><th scope="col">${m.organisation}</th><th scope="col">${m.category}</th><th scope="col">${m.country}</th><th scope="col">${m.signer}</th><th scope="col">${m.signed}</th></tr></thead>
<tbody id="countersign-body"></tbody></table></div>
</section>

<section role="tabpanel" id="panel-invite" aria-labelledby="tab-invite" class="panel" hidden data-admin>
<h2>${m.inviteOne}</h2>
<form id="invite-form" class="row">
<div class="grow"><label for="i-name">${m.organisation}</label><input type="text" id="i-name" maxlength="300" required></div>
<div><label for="i-category">${m.category}</label><select id="i-category" required></select></div>
<div><label for="i-country">${m.countryCode}</label><input type="text" id="i-country" maxlength="2" size="4" required></div>
<div class="grow"><label for="i-email">${m.contactEmail}</label><input type="email" id="i-email" maxlength="254" required></div>
<div class="grow"><label for="i-contact">${m.contactName}</label><input type="text" id="i-contact" maxlength="200" required></div>
<div><label for="i-language">${m.language}</label><select id="i-language">${inviteLanguageOptions(language)}</select></div>
<div class="grow"><label for="i-domains">${m.emailDomains}</label><input type="text" id="i-domains" maxlength="2000" placeholder="customs.example, douane.example"></div>
<div><button type="submit" class="primary" id="invite-submit">${m.invite}</button></div>
</form>
<p id="invite-outcome" aria-live="polite"></p>

<h2>${m.inviteMany}</h2>
<p>${csvFormat}
<button type="button" class="small" id="csv-template">${m.csvTemplate}</button></p>
<p class="muted">${m.csvChecks}</p>
<div class="row"><div class="grow"><label for="csv-file">${m.csvFile}</label><input type="file" id="csv-file" accept=".csv,text/csv"></div>
<div><button type="button" id="csv-check" class="primary">${m.csvCheck}</button></div></div>
<div id="csv-report" tabindex="-1"></div>
</section>`,
  };
}
