import { html } from '../html';
import type { ConsolePage } from './layout';

export function commitmentPage(commitmentId: string): ConsolePage {
  return {
    title: 'Commitment',
    section: 'declarations',
    params: { commitmentId },
    script: 'commitment',
    body: html`
<p><a id="back" href="/console">Back to the declaration</a></p>
<section class="panel" aria-labelledby="title"><h1 id="title">Commitment</h1><p id="state"></p></section>
<div id="content"></div>`,
  };
}
