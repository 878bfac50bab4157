import { createHash } from 'node:crypto';
import { html, raw } from '../html';
import { pageLayout } from './layout';

/**
 * The admin and auditor console: a static page whose script calls the JSON API with the
 * caller's bearer token (Cognito on AWS, the development sign-in locally). Everything it shows
 * is inserted as text, never as markup.
 */
const SCRIPT = `
const tokenKey = 'ports-alliance-token';
const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
if (fromHash) { sessionStorage.setItem(tokenKey, fromHash); history.replaceState(null, '', location.pathname); }
const token = () => sessionStorage.getItem(tokenKey);
const el = (tag, text, attrs = {}) => { const node = document.createElement(tag); if (text !== undefined) node.textContent = text; for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v); return node; };
const status = document.getElementById('status');
const say = (message) => { status.textContent = message; };
async function api(path, options = {}) {
  const response = await fetch(path, { ...options, headers: { authorization: 'Bearer ' + token(), 'content-type': 'application/json', ...(options.headers || {}) } });
  if (!response.ok) { const body = await response.json().catch(() => ({})); throw new Error(body.message || response.statusText); }
  return response;
}
async function showDeclarations() {
  if (!token()) { say('Sign in first.'); return; }
  const { declarations } = await (await api('/api/declarations')).json();
  const list = document.getElementById('declarations'); list.replaceChildren();
  for (const declaration of declarations) {
    const item = el('li'); const button = el('button', declaration.title + ' (' + declaration.status + ')', { type: 'button', class: 'secondary' });
    button.addEventListener('click', () => showStatus(declaration.id).catch((e) => say(e.message)));
    item.append(button); list.append(item);
  }
  say(declarations.length + ' declaration(s).');
}
async function showStatus(id) {
  const data = await (await api('/api/declarations/' + encodeURIComponent(id))).json();
  const section = document.getElementById('detail'); section.replaceChildren();
  section.append(el('h2', data.declaration.texts[data.declaration.defaultLanguage].title));
  const counts = Object.entries(data.byState).filter(([, n]) => n > 0).map(([s, n]) => s + ': ' + n).join(' · ');
  section.append(el('p', data.total + ' invited. ' + counts));
  const all = el('button', 'Countersign all verified', { type: 'button', class: 'primary' });
  all.addEventListener('click', async () => { const r = await (await api('/api/declarations/' + id + '/countersignatures', { method: 'POST', body: JSON.stringify({ allVerified: true }) })).json(); say(r.countersigned + ' countersigned.'); showStatus(id); });
  section.append(all);
  const table = el('table'); const head = el('tr');
  for (const h of ['Organisation', 'Category', 'Country', 'State', 'Signer', '']) head.append(el('th', h, { scope: 'col' }));
  table.append(head);
  for (const row of data.commitments) {
    const tr = el('tr');
    for (const v of [row.organisation, row.category, row.country, row.state, row.signer || '']) tr.append(el('td', v));
    const actions = el('td');
    if (row.state === 'SEALED' || row.state === 'DELIVERED') {
      const download = el('button', 'Download PDF', { type: 'button', class: 'secondary' });
      download.addEventListener('click', async () => { const blob = await (await api('/api/documents/' + row.id)).blob(); const a = el('a', '', { href: URL.createObjectURL(blob), download: row.id + '.pdf' }); a.click(); });
      actions.append(download);
    }
    tr.append(actions); table.append(tr);
  }
  section.append(table);
}
document.getElementById('refresh').addEventListener('click', () => showDeclarations().catch((e) => say(e.message)));
showDeclarations().catch((e) => say(e.message));
`;

export const CONSOLE_CSP = `default-src 'none'; script-src 'sha256-${createHash('sha256').update(SCRIPT).digest('base64')}'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`;

export function consolePage(): string {
  return pageLayout('Commission console', html`
<h1>Joint declaration: signatures</h1>
<p class="muted">Commission admins track, countersign and download; auditors read and download. Sign in through the Commission's login (locally: the development sign-in link printed by <code>npm start</code>).</p>
<p><button type="button" id="refresh" class="secondary">Refresh</button> <span id="status" role="status"></span></p>
<ul id="declarations"></ul>
<section id="detail" aria-live="polite"></section>
<script>${raw(SCRIPT)}</script>`);
}
