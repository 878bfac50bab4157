import { html } from '../html';
import type { ConsolePage } from './layout';

const SCRIPT = String.raw`
let fieldCounter = 0;
const fieldId = (prefix) => prefix + '-' + (++fieldCounter);
const declarationId = CONFIG.page.declarationId;

function field(labelText, control, hint) {
  const id = control.id || fieldId('f');
  control.id = id;
  return el('div', {}, el('label', { for: id }, labelText), control, hint ? el('p', { class: 'muted' }, hint) : null);
}

function addLanguage(language, title, text) {
  const block = el('div', { class: 'clause', 'data-language-block': '' });
  const code = el('input', { type: 'text', maxlength: 2, size: 3, value: language || '', 'data-name': 'language', autocomplete: 'off' });
  const titleInput = el('input', { type: 'text', maxlength: 300, value: title || '', 'data-name': 'title' });
  const textArea = el('textarea', { rows: 8, 'data-name': 'text' });
  textArea.value = text || '';
  const remove = el('button', { type: 'button', class: 'small danger' }, 'Remove this language');
  remove.addEventListener('click', () => { block.remove(); $('add-language').focus(); });
  block.append(el('div', { class: 'row' }, field('Language (two letters, e.g. fr)', code), el('div', { class: 'grow' }, field('Title', titleInput))), field('Text', textArea), remove);
  $('texts').append(block);
  return code;
}

function addClause(list, clause) {
  const item = el('div', { class: 'clause', 'data-clause': '' });
  const text = el('textarea', { rows: 2, maxlength: 2000, 'data-name': 'text' });
  text.value = (clause && clause.text) || '';
  const id = el('input', { type: 'text', maxlength: 40, size: 24, value: (clause && clause.id) || '', 'data-name': 'id', autocomplete: 'off' });
  const requiredId = fieldId('required');
  const required = el('input', { type: 'checkbox', id: requiredId, 'data-name': 'required' });
  required.checked = !clause || clause.required !== false;
  const remove = el('button', { type: 'button', class: 'small danger' }, 'Remove');
  remove.addEventListener('click', () => { const next = item.nextElementSibling || item.previousElementSibling; item.remove(); if (next) next.querySelector('textarea').focus(); });
  item.append(field('Commitment', text), el('div', { class: 'row' }, field('Id (optional: lower case, digits, dashes)', id), el('div', {}, required, el('label', { class: 'inline-label', for: requiredId }, 'Required to sign')), el('div', {}, remove)));
  list.append(item);
  return text;
}

function buildCategories(commitments) {
  const container = clear($('categories'));
  for (const category of CONFIG.categories) {
    const list = el('div', { 'data-category': category.id });
    const add = el('button', { type: 'button', class: 'small' }, 'Add a commitment for ' + category.label);
    add.addEventListener('click', () => addClause(list, null).focus());
    const clauses = (commitments && commitments[category.id]) || [null];
    clauses.forEach((clause) => addClause(list, clause));
    container.append(el('fieldset', {}, el('legend', {}, category.label), list, add));
  }
}

/** "Name: domain, domain" per line; a problem names its line. */
function parseDomains(text, problems) {
  const entries = [];
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    const colon = line.lastIndexOf(':');
    if (colon < 1) { problems.push('Registered domains, line ' + (index + 1) + ': write the organisation, a colon, then its domains.'); return; }
    entries.push({ organisation: line.slice(0, colon).trim(), domains: line.slice(colon + 1).split(/[\s,;]+/).filter(Boolean) });
  });
  return entries;
}

function collect() {
  const problems = [];
  const texts = {};
  document.querySelectorAll('[data-language-block]').forEach((block) => {
    const language = block.querySelector('[data-name=language]').value.trim().toLowerCase();
    if (texts[language]) problems.push('The language ' + language + ' is listed twice.');
    texts[language] = { title: block.querySelector('[data-name=title]').value, text: block.querySelector('[data-name=text]').value };
  });
  const commitments = {};
  document.querySelectorAll('[data-category]').forEach((list) => {
    commitments[list.dataset.category] = [...list.querySelectorAll('[data-clause]')].map((item) => {
      const id = item.querySelector('[data-name=id]').value.trim();
      return { ...(id ? { id } : {}), text: item.querySelector('[data-name=text]').value, required: item.querySelector('[data-name=required]').checked };
    });
  });
  const deadline = $('deadline').value;
  const input = {
    version: $('version').value,
    defaultLanguage: $('defaultLanguage').value.trim().toLowerCase(),
    texts,
    commitments,
    ...(deadline ? { deadline: deadline + (deadline.length === 16 ? ':00' : '') + 'Z' } : {}),
    reminders: { automatic: $('automaticReminders').checked },
    oneTimeCode: $('oneTimeCode').checked,
    organisationDomains: parseDomains($('organisationDomains').value, problems),
  };
  if (problems.length) throw new ApiError(400, 'The form is not complete.', problems);
  return input;
}

function fill(declaration) {
  $('version').value = declaration.version;
  $('defaultLanguage').value = declaration.defaultLanguage;
  clear($('texts'));
  for (const [language, text] of Object.entries(declaration.texts)) addLanguage(language, text.title, text.text);
  buildCategories(declaration.commitments);
  $('deadline').value = declaration.deadline ? declaration.deadline.slice(0, 16) : '';
  $('automaticReminders').checked = !declaration.reminders || declaration.reminders.automatic !== false;
  $('oneTimeCode').checked = declaration.oneTimeCode !== false;
  $('organisationDomains').value = (declaration.organisationDomains || []).map((entry) => entry.organisation + ': ' + entry.domains.join(', ')).join('\n');
}

async function save(open, button) {
  await act(button, async () => {
    let input;
    try { input = collect(); } catch (error) { showProblem(error); $('problem').scrollIntoView(); return; }
    const saved = declarationId
      ? await api('/api/declarations/' + encodeURIComponent(declarationId), { method: 'PUT', body: input })
      : await api('/api/declarations', { method: 'POST', body: { ...input, draft: !open } });
    location.assign('/console/declarations/' + encodeURIComponent(saved.id) + '?saved=' + (open ? 'opened' : 'draft'));
  });
  if ($('problem').firstChild) $('problem').scrollIntoView();
}

start(async () => {
  $('add-language').addEventListener('click', () => addLanguage('', '', '').focus());
  $('declaration-form').addEventListener('submit', (event) => { event.preventDefault(); save(false, $('save-draft')); });
  if (declarationId) {
    const { declaration } = await api('/api/declarations/' + encodeURIComponent(declarationId) + '?pageSize=1');
    $('form-title').textContent = 'Edit draft: ' + declaration.texts[declaration.defaultLanguage].title;
    $('save-open').remove();
    $('save-draft').textContent = 'Save the draft';
    if (declaration.status !== 'DRAFT') {
      showProblem(new ApiError(409, 'This declaration is ' + declaration.status + '; only a draft can be edited.'));
      $('declaration-form').hidden = true;
      return;
    }
    fill(declaration);
  } else {
    addLanguage('en', '', '');
    buildCategories(null);
    $('save-open').addEventListener('click', () => save(true, $('save-open')));
  }
  $('version').focus();
});
`;

export function declarationFormPage(declarationId?: string): ConsolePage {
  return {
    title: declarationId ? 'Edit draft' : 'New declaration',
    section: 'declarations',
    params: declarationId ? { declarationId } : {},
    script: SCRIPT,
    body: html`
<section class="panel" aria-labelledby="form-title">
<p><a href="${declarationId ? `/console/declarations/${declarationId}` : '/console'}">Back</a></p>
<h1 id="form-title">New declaration</h1>
<p class="muted">A draft can be edited until it is opened for signing; then its text is fixed (signatories and the sealed certificates rely on its SHA-256).</p>
<form id="declaration-form" novalidate>
<div class="row">
<div><label for="version">Version</label><input type="text" id="version" value="1.0" maxlength="40" size="10"></div>
<div><label for="defaultLanguage">Default language</label><input type="text" id="defaultLanguage" value="en" maxlength="2" size="4" aria-describedby="default-language-hint"></div>
</div>
<p class="muted" id="default-language-hint">Shown to signatories whose language has no text. It must be one of the languages below.</p>
<fieldset><legend>Text of the declaration, per language</legend><div id="texts"></div>
<button type="button" id="add-language" class="small">Add a language</button></fieldset>
<h2>Commitments per category</h2>
<p class="muted">Each category of signatory commits to its own list; "required" commitments must be accepted to sign.</p>
<div id="categories"></div>
<fieldset><legend>Deadline and reminders</legend>
<label for="deadline">Deadline (UTC, optional)</label><input type="datetime-local" id="deadline" aria-describedby="deadline-hint">
<p class="muted" id="deadline-hint">No signing link works after the deadline. Without one, a link works for the signing window the deployment sets (the reminder interval times the number of reminders plus one) after the invitation, and a deadline never extends that window.</p>
<div><input type="checkbox" id="automaticReminders" checked><label class="inline-label" for="automaticReminders">Send the workflow's automatic reminders</label></div>
<p class="muted">How often and how many automatic reminders go out is set for the whole deployment (CDK context <code>reminderIntervalSeconds</code> and <code>reminderCount</code>), not per declaration. Switched off, only the invitation is sent automatically; you can always remind organisations now from the dashboard.</p>
</fieldset>
<fieldset><legend>Signing</legend>
<div><input type="checkbox" id="oneTimeCode" checked><label class="inline-label" for="oneTimeCode">Ask each signatory for a one-time code, sent to the invited address, before signing</label></div>
</fieldset>
<fieldset><legend>Registered email domains per organisation</legend>
<label for="organisationDomains">One organisation per line: its name, a colon, then its domains</label>
<textarea id="organisationDomains" rows="5" placeholder="Port of Antwerp-Bruges: portofantwerpbruges.example, pabr.example" aria-describedby="domains-hint"></textarea>
<p class="muted" id="domains-hint">An invitation to a listed organisation that names no domain gets these. A signature from an address outside an organisation's domains is flagged for review.</p>
</fieldset>
<div><button type="submit" class="primary" id="save-draft">Save as draft</button> <button type="button" id="save-open">Create and open for signing</button></div>
</form>
</section>`,
  };
}
