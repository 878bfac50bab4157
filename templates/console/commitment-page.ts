import { html } from '../html';
import type { ConsoleLanguage } from './i18n';
import { CONSOLE_MESSAGES } from './i18n';
import type { ConsolePage } from './layout';

export function commitmentPage(commitmentId: string, language: ConsoleLanguage = 'en'): ConsolePage {
  const m = CONSOLE_MESSAGES[language].commitment;
  return {
    language,
    title: m.title,
    section: 'declarations',
    params: { commitmentId },
    script: 'commitment',
    body: html`
<p><a id="back" href="/console">${m.back}</a></p>
<section class="panel" aria-labelledby="title"><h1 id="title">${m.title}</h1><p id="state"></p></section>
<div id="content"></div>`,
  };
}
