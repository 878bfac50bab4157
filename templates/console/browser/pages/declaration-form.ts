/** The form that writes a new declaration, or edits a draft. */
import type { CommitmentClause, Declaration, DeclarationDashboard, OrganisationDomains, SavedDeclaration } from '../api-types';
import { act, api, ApiError, byId, clear, CONFIG, el, fill as fillMessage, showProblem, start, T } from '../core';
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

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** "French (fr)", or the code alone when it names no language. */
function languageLabel(code: string): string {
  try {
    const name = languageNames.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** The language codes listed in the form, in order, each once. */
function listedLanguages(): string[] {
  const codes = [...document.querySelectorAll('[data-language-block]')].map((block) => named(block, 'language', HTMLInputElement).value.trim().toLowerCase());
  return [...new Set(codes.filter((code) => /^[a-z]{2}$/.test(code)))];
}

/** What was typed for each commitment in a language no longer listed, kept in case it comes back. */
const setAside = new WeakMap<Element, Map<string, string>>();

/**
 * Gives each commitment one text box per language listed (a commitment is signed in the language
 * version the signatory reads), keeping what was typed when a language is renamed or removed.
 */
function syncClauseLanguages(): void {
  const languages = listedLanguages();
  document.querySelectorAll('[data-clause]').forEach((item) => {
    const box = item.querySelector('[data-clause-texts]');
    if (!box) return;
    const kept = setAside.get(item) ?? new Map<string, string>();
    setAside.set(item, kept);
    const existing = new Map([...box.querySelectorAll<HTMLTextAreaElement>('textarea[data-clause-language]')].map((area) => [area.dataset.clauseLanguage ?? '', area]));
    for (const [language, area] of existing) {
      if (!languages.includes(language)) {
        kept.set(language, area.value);
        area.closest('[data-clause-text]')?.remove();
      }
    }
    for (const language of languages) {
      let area = existing.get(language);
      if (!area) {
        area = el('textarea', { rows: 2, maxlength: 2000, 'data-name': 'text', 'data-clause-language': language, lang: language });
        area.value = kept.get(language) ?? '';
        kept.delete(language);
      }
      box.append(area.closest('[data-clause-text]') ?? el('div', { 'data-clause-text': '' }, field(`Commitment in ${languageLabel(language)}`, area)));
    }
  });
}

function addLanguage(language: string, title: string, text: string): HTMLInputElement {
  const block = el('div', { class: 'clause', 'data-language-block': '' });
  const code = el('input', { type: 'text', maxlength: 2, size: 3, value: language, 'data-name': 'language', autocomplete: 'off' });
  const titleInput = el('input', { type: 'text', maxlength: 300, value: title, 'data-name': 'title' });
  const textArea = el('textarea', { rows: 8, 'data-name': 'text' });
  textArea.value = text;
  const remove = el('button', { type: 'button', class: 'small danger' }, T.removeLanguage);
  remove.addEventListener('click', () => { block.remove(); syncClauseLanguages(); button('add-language').focus(); });
  code.addEventListener('input', syncClauseLanguages);
  block.append(el('div', { class: 'row' }, field(T.languageCode, code), el('div', { class: 'grow' }, field(T.textTitle, titleInput))), field(T.textBody, textArea), remove);
  byId('texts').append(block);
  syncClauseLanguages();
  return code;
}

function addClause(list: HTMLElement, clause: CommitmentClause | null, defaultLanguage: string): HTMLTextAreaElement | null {
  const item = el('div', { class: 'clause', 'data-clause': '' });
  const texts = el('div', { 'data-clause-texts': '' });
  // Declarations stored before commitments were translated hold one text, in the default language.
  setAside.set(item, new Map(Object.entries(clause?.texts ?? (clause?.text ? { [defaultLanguage]: clause.text } : {}))));
  const id = el('input', { type: 'text', maxlength: 40, size: 24, value: clause?.id ?? '', 'data-name': 'id', autocomplete: 'off' });
  const requiredId = fieldId('required');
  const required = el('input', { type: 'checkbox', id: requiredId, 'data-name': 'required' });
  required.checked = !clause || clause.required !== false;
  const remove = el('button', { type: 'button', class: 'small danger' }, T.remove);
  remove.addEventListener('click', () => {
    const next = item.nextElementSibling ?? item.previousElementSibling;
    item.remove();
    next?.querySelector('textarea')?.focus();
  });
  item.append(texts, el('div', { class: 'row' }, field(T.commitmentIdOptional, id), el('div', {}, required, el('label', { class: 'inline-label', for: requiredId }, T.requiredToSign)), el('div', {}, remove)));
  list.append(item);
  syncClauseLanguages();
  return texts.querySelector('textarea');
}

function buildCategories(commitments: Declaration['commitments'] | null, defaultLanguage: string): void {
  const container = clear(byId('categories'));
  for (const category of CONFIG.categories) {
    const list = el('div', { 'data-category': category.id });
    const add = el('button', { type: 'button', class: 'small' }, fillMessage(T.addCommitmentFor, { category: category.label }));
    add.addEventListener('click', () => addClause(list, null, defaultLanguage)?.focus());
    const clauses = commitments?.[category.id] ?? [null];
    clauses.forEach((clause) => addClause(list, clause, defaultLanguage));
    container.append(el('fieldset', {}, el('legend', {}, category.label), list, add));
  }
  syncClauseLanguages();
}

/** "Name: domain, domain" per line; a problem names its line. */
function parseDomains(text: string, problems: string[]): OrganisationDomains[] {
  const entries: OrganisationDomains[] = [];
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    const colon = line.lastIndexOf(':');
    if (colon < 1) {
      problems.push(fillMessage(T.domainsLineProblem, { line: index + 1 }));
      return;
    }
    entries.push({ organisation: line.slice(0, colon).trim(), domains: line.slice(colon + 1).split(/[\s,;]+/).filter(Boolean) });
  });
  return entries;
}

/**
 * Reads the form into the API's shape, and tags each control with the path of its field in that
 * shape (`data-field`), so that the API's problems can be shown at their fields.
 */
function collect() {
  const problems: string[] = [];
  const texts: Record<string, { title: string; text: string }> = {};
  document.querySelectorAll('[data-language-block]').forEach((block) => {
    const language = named(block, 'language', HTMLInputElement).value.trim().toLowerCase();
    if (texts[language]) problems.push(fillMessage(T.languageTwice, { language }));
    const title = named(block, 'title', HTMLInputElement);
    const text = named(block, 'text', HTMLTextAreaElement);
    title.dataset.field = `texts.${language}.title`;
    text.dataset.field = `texts.${language}.text`;
    texts[language] = { title: title.value, text: text.value };
  });
  const defaultLanguage = input('defaultLanguage').value.trim().toLowerCase();
  const commitments: Record<string, { id?: string; text: string; texts: Record<string, string>; required: boolean }[]> = {};
  document.querySelectorAll<HTMLElement>('[data-category]').forEach((list) => {
    const category = list.dataset.category ?? '';
    commitments[category] = [...list.querySelectorAll('[data-clause]')].map((item, index) => {
      const idInput = named(item, 'id', HTMLInputElement);
      idInput.dataset.field = `commitments.${category}.${index}.id`;
      // The default language's text is `text`; the others are `texts.<language>`, as the API names them.
      let text = '';
      const texts: Record<string, string> = {};
      item.querySelectorAll<HTMLTextAreaElement>('textarea[data-clause-language]').forEach((area) => {
        const language = area.dataset.clauseLanguage ?? '';
        if (language === defaultLanguage) {
          area.dataset.field = `commitments.${category}.${index}.text`;
          text = area.value;
        } else {
          area.dataset.field = `commitments.${category}.${index}.texts.${language}`;
          texts[language] = area.value;
        }
      });
      const id = idInput.value.trim();
      return { ...(id ? { id } : {}), text, texts, required: named(item, 'required', HTMLInputElement).checked };
    });
  });
  const deadline = input('deadline').value;
  const declaration = {
    version: input('version').value,
    defaultLanguage,
    texts,
    commitments,
    ...(deadline ? { deadline: `${deadline}${deadline.length === 16 ? ':00' : ''}Z` } : {}),
    reminders: { automatic: input('automaticReminders').checked },
    oneTimeCode: input('oneTimeCode').checked,
    organisationDomains: parseDomains(byId('organisationDomains', HTMLTextAreaElement).value, problems),
    notifications: collectNotificationSettings(),
  };
  if (problems.length) throw new ApiError(400, T.formIncomplete, problems);
  return declaration;
}

function fill(declaration: Declaration): void {
  input('version').value = declaration.version;
  input('defaultLanguage').value = declaration.defaultLanguage;
  clear(byId('texts'));
  for (const [language, text] of Object.entries(declaration.texts)) addLanguage(language, text.title, text.text);
  buildCategories(declaration.commitments, declaration.defaultLanguage);
  input('deadline').value = declaration.deadline ? declaration.deadline.slice(0, 16) : '';
  input('automaticReminders').checked = !declaration.reminders || declaration.reminders.automatic !== false;
  input('oneTimeCode').checked = declaration.oneTimeCode !== false;
  byId('organisationDomains', HTMLTextAreaElement).value = (declaration.organisationDomains ?? []).map((entry) => `${entry.organisation}: ${entry.domains.join(', ')}`).join('\n');
}

/** What the API says of one field: its path in the request and what is wrong, in words. */
interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

function clearFieldProblems(): void {
  document.querySelectorAll('[data-field-error]').forEach((message) => message.remove());
  document.querySelectorAll<HTMLElement>('[aria-invalid=true]').forEach((control) => {
    control.removeAttribute('aria-invalid');
    const describedBy = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.startsWith('field-error-'));
    if (describedBy.length) control.setAttribute('aria-describedby', describedBy.join(' '));
    else control.removeAttribute('aria-describedby');
  });
}

/** The control a field's path names, or the nearest one above it (`organisationDomains.2.domains` is the domains box). */
function controlFor(field: string): HTMLElement | null {
  for (let path = field.split('.'); path.length > 0; path = path.slice(0, -1)) {
    const control = document.querySelector<HTMLElement>(`[data-field="${CSS.escape(path.join('.'))}"]`);
    if (control) return control;
  }
  return null;
}

/**
 * Marks each field the API refused: `aria-invalid`, its message beside it tied with
 * `aria-describedby`; a problem of a whole category (no commitment yet) is said at the top of its
 * list. The first marked field takes the focus.
 */
function markFieldProblems(problems: readonly FieldProblem[]): void {
  const marked: HTMLElement[] = [];
  problems.forEach((problem, index) => {
    const id = `field-error-${index}`;
    const message = el('p', { class: 'field-error', id, 'data-field-error': '' }, problem.message);
    const control = controlFor(problem.field);
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
      control.after(message);
      marked.push(control);
      return;
    }
    const category = /^commitments\.(\w+)$/.exec(problem.field)?.[1];
    const list = category ? document.querySelector(`[data-category="${CSS.escape(category)}"]`) : null;
    if (list) list.prepend(message);
  });
  const first = marked.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0];
  first?.focus();
}

function fieldProblemsOf(error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError)) return [];
  const fields = (error.body as { fields?: unknown } | undefined)?.fields;
  return Array.isArray(fields) ? fields.filter((entry): entry is FieldProblem => typeof entry === 'object' && entry !== null && 'field' in entry && 'message' in entry) : [];
}

async function save(open: boolean, trigger: HTMLButtonElement): Promise<void> {
  clearFieldProblems();
  let refusedFields: FieldProblem[] = [];
  await act(trigger, async () => {
    let declaration: ReturnType<typeof collect>;
    try {
      declaration = collect();
    } catch (error) {
      showProblem(error);
      byId('problem').scrollIntoView();
      return;
    }
    try {
      const saved = declarationId
        ? await api<SavedDeclaration>(`/api/declarations/${encodeURIComponent(declarationId)}`, { method: 'PUT', body: declaration })
        : await api<SavedDeclaration>('/api/declarations', { method: 'POST', body: { ...declaration, draft: !open } });
      location.assign(`/console/declarations/${encodeURIComponent(saved.id)}?saved=${open ? 'opened' : 'draft'}`);
    } catch (error) {
      refusedFields = fieldProblemsOf(error);
      throw error;
    }
  });
  // The summary above the form lists every problem; each field says its own, and the first takes the focus.
  if (refusedFields.length) markFieldProblems(refusedFields);
  else if (byId('problem').firstChild) byId('problem').scrollIntoView();
}

void start(async () => {
  button('add-language').addEventListener('click', () => addLanguage('', '', '').focus());
  byId('declaration-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void save(false, button('save-draft'));
  });
  if (declarationId) {
    const { declaration } = await api<DeclarationDashboard>(`/api/declarations/${encodeURIComponent(declarationId)}?pageSize=1`);
    byId('form-title').textContent = fillMessage(T.editDraftTitle, { title: declaration.texts[declaration.defaultLanguage]?.title ?? declaration.id });
    button('save-open').remove();
    button('save-draft').textContent = T.saveTheDraft;
    fillNotificationSettings(declaration.notifications);
    enableNotificationSettings(declaration.id, declaration.status);
    if (declaration.status !== 'DRAFT') {
      showProblem(new ApiError(409, fillMessage(T.onlyDraftEditable, { status: declaration.status === 'OPEN' ? T.statusOpen : T.statusClosed })));
      byId('declaration-form').hidden = true;
      return;
    }
    fill(declaration);
  } else {
    addLanguage('en', '', '');
    buildCategories(null, 'en');
    const saveOpen = button('save-open');
    saveOpen.addEventListener('click', () => save(true, saveOpen));
  }
  input('version').focus();
});
