import { html } from '../html';
import { CONSOLE_MESSAGES, type ConsoleLanguage } from './i18n';
import type { ConsolePage } from './layout';

export function declarationsPage(language: ConsoleLanguage = 'en'): ConsolePage {
  const m = CONSOLE_MESSAGES[language].declarations;
  const frame = CONSOLE_MESSAGES[language].frame;
  return {
    language,
    title: m.title,
    section: 'declarations',
    script: 'declarations',
    body: html`
<section class="panel" aria-labelledby="declarations-title">
<div class="row"><div class="grow"><h1 id="declarations-title">${m.title}</h1>
<p class="muted">${m.intro}</p></div>
<div data-admin><a class="button primary" href="/console/declarations/new">${m.newDeclaration}</a></div></div>
<p id="auditor-hint" class="muted" hidden>${m.auditorHintBefore} <a href="/console/audit">${frame.audit}</a>.</p>
<div class="table-scroll"><table><caption class="visually-hidden">${m.caption}</caption>
<thead><tr><th scope="col">${m.columnTitle}</th><th scope="col">${m.columnStatus}</th><th scope="col">${m.columnVersion}</th><th scope="col">${m.columnCreated}</th><th scope="col">${m.columnDeadline}</th></tr></thead>
<tbody id="declarations-body"></tbody></table></div>
<p id="declarations-empty" class="muted" hidden>${m.empty}</p>
</section>`,
  };
}
