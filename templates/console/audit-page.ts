import { html } from '../html';
import { CONSOLE_MESSAGES, type ConsoleLanguage } from './i18n';
import type { ConsolePage } from './layout';

export function auditPage(language: ConsoleLanguage = 'en'): ConsolePage {
  const m = CONSOLE_MESSAGES[language].audit;
  const [trailBefore = '', trailAfter = ''] = m.trailIntro.split('{command}');
  return {
    language,
    title: m.title,
    section: 'audit',
    script: 'audit',
    body: html`
<section class="panel" aria-labelledby="audit-title">
<h1 id="audit-title">${m.title}</h1>
<p class="muted">${m.intro}</p>
<label for="d-declaration">${m.declaration}</label><select id="d-declaration"></select>
</section>
<section class="panel" aria-labelledby="documents-title">
<h2 id="documents-title">${m.sealedDocuments}</h2>
<form id="document-filters" class="row" role="search" aria-label="${m.filters}">
<div><label for="d-category">${m.category}</label><select id="d-category"><option value="">${m.any}</option></select></div>
<div><label for="d-country">${m.countryCode}</label><input type="text" id="d-country" maxlength="2" size="4"></div>
<div class="grow"><label for="d-q">${m.organisationOrId}</label><input type="search" id="d-q" maxlength="200"></div>
<div><label for="d-from">${m.sealedFrom}</label><input type="date" id="d-from"></div>
<div><label for="d-to">${m.sealedUntil}</label><input type="date" id="d-to"></div>
<div><button type="submit" class="primary">${m.apply}</button></div>
</form>
<div class="row"><p id="documents-count" class="grow" aria-live="polite"></p>
<div><button type="button" id="export-zip">${m.exportZip}</button></div></div>
<div id="zip-result"></div>
<div class="table-scroll"><table><caption class="visually-hidden">${m.caption}</caption>
<thead><tr><th scope="col">${m.organisation}</th><th scope="col">${m.category}</th><th scope="col">${m.country}</th><th scope="col">${m.sealed}</th><th scope="col">SHA-256</th><th scope="col">${m.bytes}</th><th scope="col"><span class="visually-hidden">${m.download}</span></th></tr></thead>
<tbody id="documents-body"></tbody></table></div>
</section>
<section class="panel" aria-labelledby="joint-title">
<h2 id="joint-title">${m.jointDeclaration}</h2>
<div id="joint-declaration"></div>
</section>
<section class="panel" aria-labelledby="trail-title">
<h2 id="trail-title">${m.trail}</h2>
<p>${trailBefore}<code>npm run verify-audit</code>${trailAfter}</p>
<button type="button" id="export-trail" class="primary">${m.exportTrail}</button>
<div id="trail-result"></div>
<p class="muted">${m.ownTrail}</p>
</section>`,
  };
}
