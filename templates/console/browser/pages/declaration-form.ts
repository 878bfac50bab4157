/** The form that writes a new declaration, or edits a draft. */
import type { CommitmentClause, Declaration, DeclarationDashboard, OrganisationDomains, SavedDeclaration } from '../api-types';
import { act, api, ApiError, byId, clear, CONFIG, el, showProblem, start } from '../core';
import { collectNotificationSettings, enableNotificationSettings, fillNotificationSettings } from '../notification-settings';

let fieldCounter = 0;
const fieldId = (prefix: string) => `${prefix}-${++fieldCounter}`;
const declarationId = CONFIG.page.declarationId;
const input = (id: string) => byId(id, HTMLInputElement);
const button = (id: string) => byId(id, HTMLButtonElement);

/** A field inside one block of the form, found by its `data-name`. */
function named<T extends HTMLElement>(scope: Element, name: string, kind: new () => T): T {
  const field = scope.querySelector(`[data-name=${name}]`);
  if (!(field instanceof kind)) throw new Error(`the ${name} field is missing`);
  return field;
}

function field(labelText: string, control: HTMLElement, hint?: string): HTMLDivElement {
  const id = control.id || fieldId('f');
  control.id = id;
  return el('div', {}, el('label', { for: id }, labelText), control, hint ? el('p', { class: 'muted' }, hint) : null);
}

function addLanguage(language: string, title: string, text: string): HTMLInputElement {
  const block = el('div', { class: 'clause', 'data-language-block': '' });
  const code = el('input', { type: 'text', maxlength: 2, size: 3, value: language, 'data-name': 'language', autocomplete: 'off' });
  const titleInput = el('input', { type: 'text', maxlength: 300, value: title, 'data-name': 'title' });
  const textArea = el('textarea', { rows: 8, 'data-name': 'text' });
  textArea.value = text;
  const remove = el('button', { type: 'button', class: 'small danger' }, 'Remove this language');
  remove.addEventListener('click', () => { block.remove(); button('add-language').focus(); });
  block.append(el('div', { class: 'row' }, field('Language (two letters, e.g. fr)', code), el('div', { class: 'grow' }, field('Title', titleInput))), field('Text', textArea), remove);
  byId('texts').append(block);
  return code;
}

function addClause(list: HTMLElement, clause: CommitmentClause | null): HTMLTextAreaElement {
  const item = el('div', { class: 'clause', 'data-clause': '' });
  const text = el('textarea', { rows: 2, maxlength: 2000, 'data-name': 'text' });
  text.value = clause?.text ?? '';
  const id = el('input', { type: 'text', maxlength: 40, size: 24, value: clause?.id ?? '', 'data-name': 'id', autocomplete: 'off' });
  const requiredId = fieldId('required');
  const required = el('input', { type: 'checkbox', id: requiredId, 'data-name': 'required' });
  required.checked = !clause || clause.required !== false;
  const remove = el('button', { type: 'button', class: 'small danger' }, 'Remove');
  remove.addEventListener('click', () => {
    const next = item.nextElementSibling ?? item.previousElementSibling;
    item.remove();
    next?.querySelector('textarea')?.focus();
  });
  item.append(field('Commitment', text), el('div', { class: 'row' }, field('Id (optional: lower case, digits, dashes)', id), el('div', {}, required, el('label', { class: 'inline-label', for: requiredId }, 'Required to sign')), el('div', {}, remove)));
  list.append(item);
  return text;
}

function buildCategories(commitments: Declaration['commitments'] | null): void {
  const container = clear(byId('categories'));
  for (const category of CONFIG.categories) {
    const list = el('div', { 'data-category': category.id });
    const add = el('button', { type: 'button', class: 'small' }, `Add a commitment for ${category.label}`);
    add.addEventListener('click', () => addClause(list, null).focus());
    const clauses = commitments?.[category.id] ?? [null];
    clauses.forEach((clause) => addClause(list, clause));
    container.append(el('fieldset', {}, el('legend', {}, category.label), list, add));
  }
}

/** "Name: domain, domain" per line; a problem names its line. */
function parseDomains(text: string, problems: string[]): OrganisationDomains[] {
  const entries: OrganisationDomains[] = [];
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    const colon = line.lastIndexOf(':');
    if (colon < 1) {
      problems.push(`Registered domains, line ${index + 1}: write the organisation, a colon, then its domains.`);
      return;
    }
    entries.push({ organisation: line.slice(0, colon).trim(), domains: line.slice(colon + 1).split(/[\s,;]+/).filter(Boolean) });
  });
  return entries;
}

function collect() {
  const problems: string[] = [];
  const texts: Record<string, { title: string; text: string }> = {};
  document.querySelectorAll('[data-language-block]').forEach((block) => {
    const language = named(block, 'language', HTMLInputElement).value.trim().toLowerCase();
    if (texts[language]) problems.push(`The language ${language} is listed twice.`);
    texts[language] = { title: named(block, 'title', HTMLInputElement).value, text: named(block, 'text', HTMLTextAreaElement).value };
  });
  const commitments: Record<string, { id?: string; text: string; required: boolean }[]> = {};
  document.querySelectorAll<HTMLElement>('[data-category]').forEach((list) => {
    commitments[list.dataset.category ?? ''] = [...list.querySelectorAll('[data-clause]')].map((item) => {
      const id = named(item, 'id', HTMLInputElement).value.trim();
      return { ...(id ? { id } : {}), text: named(item, 'text', HTMLTextAreaElement).value, required: named(item, 'required', HTMLInputElement).checked };
    });
  });
  const deadline = input('deadline').value;
  const declaration = {
    version: input('version').value,
    defaultLanguage: input('defaultLanguage').value.trim().toLowerCase(),
    texts,
    commitments,
    ...(deadline ? { deadline: `${deadline}${deadline.length === 16 ? ':00' : ''}Z` } : {}),
    reminders: { automatic: input('automaticReminders').checked },
    oneTimeCode: input('oneTimeCode').checked,
    organisationDomains: parseDomains(byId('organisationDomains', HTMLTextAreaElement).value, problems),
    notifications: collectNotificationSettings(),
  };
  if (problems.length) throw new ApiError(400, 'The form is not complete.', problems);
  return declaration;
}

function fill(declaration: Declaration): void {
  input('version').value = declaration.version;
  input('defaultLanguage').value = declaration.defaultLanguage;
  clear(byId('texts'));
  for (const [language, text] of Object.entries(declaration.texts)) addLanguage(language, text.title, text.text);
  buildCategories(declaration.commitments);
  input('deadline').value = declaration.deadline ? declaration.deadline.slice(0, 16) : '';
  input('automaticReminders').checked = !declaration.reminders || declaration.reminders.automatic !== false;
  input('oneTimeCode').checked = declaration.oneTimeCode !== false;
  byId('organisationDomains', HTMLTextAreaElement).value = (declaration.organisationDomains ?? []).map((entry) => `${entry.organisation}: ${entry.domains.join(', ')}`).join('\n');
}

async function save(open: boolean, trigger: HTMLButtonElement): Promise<void> {
  await act(trigger, async () => {
    let declaration: ReturnType<typeof collect>;
    try {
      declaration = collect();
    } catch (error) {
      showProblem(error);
      byId('problem').scrollIntoView();
      return;
    }
    const saved = declarationId
      ? await api<SavedDeclaration>(`/api/declarations/${encodeURIComponent(declarationId)}`, { method: 'PUT', body: declaration })
      : await api<SavedDeclaration>('/api/declarations', { method: 'POST', body: { ...declaration, draft: !open } });
    location.assign(`/console/declarations/${encodeURIComponent(saved.id)}?saved=${open ? 'opened' : 'draft'}`);
  });
  if (byId('problem').firstChild) byId('problem').scrollIntoView();
}

void start(async () => {
  button('add-language').addEventListener('click', () => addLanguage('', '', '').focus());
  byId('declaration-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void save(false, button('save-draft'));
  });
  if (declarationId) {
    const { declaration } = await api<DeclarationDashboard>(`/api/declarations/${encodeURIComponent(declarationId)}?pageSize=1`);
    byId('form-title').textContent = `Edit draft: ${declaration.texts[declaration.defaultLanguage]?.title ?? declaration.id}`;
    button('save-open').remove();
    button('save-draft').textContent = 'Save the draft';
    fillNotificationSettings(declaration.notifications);
    enableNotificationSettings(declaration.id, declaration.status);
    if (declaration.status !== 'DRAFT') {
      showProblem(new ApiError(409, `This declaration is ${declaration.status}; only a draft can be edited.`));
      byId('declaration-form').hidden = true;
      return;
    }
    fill(declaration);
  } else {
    addLanguage('en', '', '');
    buildCategories(null);
    const saveOpen = button('save-open');
    saveOpen.addEventListener('click', () => save(true, saveOpen));
  }
  input('version').focus();
});
