/**
 * What every console page shares: sign-in (Cognito's hosted UI with PKCE on AWS, the development
 * sign-in locally), calls to the JSON API with the bearer token, and small DOM helpers that insert
 * everything as text (never as markup). A page's entry module (pages/) calls `start(render)`.
 */
import type { ConsoleConfig } from '../console-config';
import { count as countIn, type CountWording } from '../counts';
import { CONSOLE_LANGUAGE_COOKIE } from '../i18n/language';
import { fill } from '../i18n/messages';
import { carriesFragmentToken, signInResultOf } from './sign-in-result';

/** The element with this id, of this kind. The page's own markup holds it: a missing one is a bug. */
export function byId(id: string): HTMLElement;
export function byId<T extends HTMLElement>(id: string, kind: new () => T): T;
export function byId(id: string, kind: new () => HTMLElement = HTMLElement): HTMLElement {
  const node = document.getElementById(id);
  if (!(node instanceof kind)) throw new Error(`#${id} is missing or not a ${kind.name}`);
  return node;
}

/** The element with this id if the page has it (admin-only parts are removed for everyone else). */
export function findById(id: string): HTMLElement | null {
  return document.getElementById(id);
}

export const CONFIG = JSON.parse(byId('console-config').textContent ?? '') as ConsoleConfig;
/** The language the page speaks, and its script's wording in it (the page's catalog, handed over as data). */
export const LANGUAGE = CONFIG.language;
export const T = CONFIG.messages;
export { fill };
const TOKEN_KEY = 'ports-alliance.token';
const RETURN_KEY = 'ports-alliance.return-to';
const PKCE_KEY = 'ports-alliance.pkce';
/** Cognito's refresh token, kept only to be revoked at sign-out. */
const REFRESH_KEY = 'ports-alliance.refresh-token';

/** What `el` and `svg` append: nodes as they are, strings and numbers as text, nothing for the rest. */
export type Child = Node | string | number | false | null | undefined | readonly Child[];
type Listener = (event: Event) => void;
/** Attributes as attributes (`true` for a boolean one), and `on<event>` listeners. */
export type Attributes = Readonly<Record<string, string | number | boolean | null | undefined | Listener>>;

/** Builds an element; strings become text nodes, attributes are set as attributes, on* as listeners. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  setAttributes(node, attrs);
  appendChildren(node, children);
  return node;
}

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attributes = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  setAttributes(node, attrs);
  appendChildren(node, children);
  return node;
}

function setAttributes(node: Element, attrs: Attributes): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') {
      if (!name.startsWith('on')) throw new TypeError(`${name} is not an event listener attribute`);
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
}

function appendChildren(node: Element, children: readonly Child[]): void {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (child instanceof Node) node.append(child);
    else if (typeof child === 'string' || typeof child === 'number') node.append(String(child));
    else appendChildren(node, child);
  }
}

export function clear<T extends Element>(node: T): T {
  node.replaceChildren();
  return node;
}

export const STATE_LABELS: Readonly<Record<string, string>> = Object.fromEntries(CONFIG.states.map((state) => [state.id, state.label]));
export const CATEGORY_LABELS: Readonly<Record<string, string>> = Object.fromEntries(CONFIG.categories.map((category) => [category.id, category.label]));
const BADGE: Readonly<Record<string, string>> = { DELIVERED: 'good', SEALED: 'good', COUNTERSIGNED: 'good', VERIFIED: 'info', SIGNED: 'info', IN_REVIEW: 'warn', INVITED: '', DECLINED: 'bad', EXPIRED: 'bad', REVOKED: 'bad', REJECTED: 'bad', FAILED: 'bad', DRAFT: 'warn', OPEN: 'info', CLOSED: '' };
export function stateBadge(state: string): HTMLSpanElement {
  return el('span', { class: `badge ${BADGE[state] ?? ''}` }, STATE_LABELS[state] ?? state);
}
export function statusBadge(status: string): HTMLSpanElement {
  return el('span', { class: `badge ${BADGE[status] ?? ''}` }, status === 'DRAFT' ? T.draft : status === 'OPEN' ? T.open : T.closed);
}
const DATE_PARTS = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' } as const;
const DATE_FORMAT = new Intl.DateTimeFormat(LANGUAGE, DATE_PARTS);
const TIME_FORMAT = new Intl.DateTimeFormat(LANGUAGE, { ...DATE_PARTS, second: '2-digit' });
/**
 * A time in UTC, to the minute. English keeps the ISO order ("2026-12-03 07:05 UTC"), which reads
 * the same to every team; French and German write it as they do ("03/12/2026 07:05", "03.12.2026, 07:05").
 */
export function fmtDate(iso: string | undefined): string {
  if (!iso) return '';
  return fill(T.utc, { time: LANGUAGE === 'en' ? iso.slice(0, 16).replace('T', ' ') : DATE_FORMAT.format(new Date(iso)) });
}
/** To the second, for the order of events: "2026-12-03 07:05:09 UTC". */
export function fmtTime(iso: string | undefined): string {
  if (!iso) return '';
  return fill(T.utc, { time: LANGUAGE === 'en' ? iso.slice(0, 19).replace('T', ' ') : TIME_FORMAT.format(new Date(iso)) });
}
/** A number with the page language's digit grouping and decimal sign. */
export function fmtNumber(n: number, options?: Intl.NumberFormatOptions): string {
  return n.toLocaleString(LANGUAGE, options);
}
const EVENT_LABELS: Readonly<Record<string, string>> = Object.fromEntries(CONFIG.eventTypes.map((type) => [type.id, type.label]));
/** What an audit event is called; a kind this console does not know yet is put in words from its code. */
export function eventLabel(type: string): string {
  return EVENT_LABELS[type] ?? `${type.charAt(0)}${type.slice(1).toLowerCase().replace(/_/g, ' ')}`;
}
/** The page language's wording of each count (COUNTS.signatory, ...). */
export const COUNTS = CONFIG.counts;
/** `n` in the wording's form for it, by the page language's plural rules. */
export function count(n: number, wording: CountWording): string {
  return countIn(n, wording, LANGUAGE);
}

/** Names the page after what it shows, keeping the console's name that the server wrote in the page's language. */
export function retitle(name: string): void {
  document.title = [name, ...document.title.split(' · ').slice(1)].join(' · ');
}

export function say(message: string): void {
  byId('status').textContent = message;
}

export class ApiError extends Error {
  readonly status: number;
  readonly details: readonly string[];
  readonly body: unknown;
  /** Set when the answer was "sign in (again)": the sign-in panel is shown instead of a problem. */
  signInNeeded = false;
  /** The language of the message when it is not the page's: the API words its refusals in English. */
  language: string | undefined;

  constructor(status: number, message: string, details?: readonly string[], body?: unknown) {
    super(message);
    this.status = status;
    this.details = details ?? [];
    this.body = body;
  }
}

export function showProblem(error: unknown): void {
  const box = clear(byId('problem'));
  if (!error || (error instanceof ApiError && error.signInNeeded)) return;
  const details = (error instanceof ApiError ? error.details : []).map((detail) => el('li', {}, detail));
  const message = error instanceof Error && error.message ? error.message : String(error);
  const language = error instanceof ApiError && error.language !== LANGUAGE ? error.language : undefined;
  box.append(el('div', { class: 'alert', lang: language }, el('strong', {}, message), details.length ? el('ul', {}, details) : null));
}
export function clearProblem(): void {
  clear(byId('problem'));
}

function base64url(bytes: Uint8Array): string {
  let text = '';
  bytes.forEach((byte) => { text += String.fromCharCode(byte); });
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function randomString(size: number): string {
  const bytes = new Uint8Array(size);
  crypto.getRandomValues(bytes);
  return base64url(bytes);
}

/**
 * The claims the console reads from its token (the user pool writes name and email into the access
 * token too); the API checks the token itself.
 */
interface Claims {
  readonly exp?: number;
  readonly sub?: string;
  readonly name?: string;
  readonly email?: string;
  readonly 'cognito:groups'?: unknown;
}
function claimsOf(token: string): Claims | null {
  try {
    const part = token.split('.')[1];
    if (part === undefined) return null;
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(base64), (character) => character.charCodeAt(0)))) as Claims;
  } catch {
    return null;
  }
}

export interface Session {
  readonly token: string;
  readonly name: string;
  readonly email?: string;
  readonly groups: readonly string[];
  readonly isAdmin: boolean;
  readonly isAuditor: boolean;
}

function currentSession(): Session | null {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return null;
  const claims = claimsOf(token);
  if (!claims || (claims.exp && claims.exp * 1000 < Date.now())) {
    sessionStorage.removeItem(TOKEN_KEY);
    return null;
  }
  // Cognito puts the groups in an array; some issuers send them as one string.
  const raw = claims['cognito:groups'];
  const groups = Array.isArray(raw) ? raw.map(String) : String(raw || '').replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean);
  return {
    token,
    name: claims.name || claims.email || claims.sub || '',
    email: claims.email,
    groups,
    isAdmin: groups.includes('commission-admin'),
    isAuditor: groups.includes('auditor'),
  };
}

/** Sends the browser to sign in, and back here afterwards. */
async function signIn(): Promise<void> {
  sessionStorage.setItem(RETURN_KEY, location.pathname + location.search);
  const mode = CONFIG.signIn;
  if (mode.kind === 'development') {
    location.assign(mode.url);
    return;
  }
  if (mode.kind !== 'cognito') return;
  const verifier = randomString(48);
  const state = randomString(24);
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state }));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const query = new URLSearchParams({ response_type: 'code', client_id: mode.clientId, redirect_uri: `${location.origin}/console`, scope: mode.scope, state, code_challenge: base64url(digest), code_challenge_method: 'S256' });
  location.assign(`${mode.domainUrl}/oauth2/authorize?${query.toString()}`);
}

/**
 * Signs out: on AWS the refresh token is revoked first (Cognito's /oauth2/revoke), so that a copy
 * of it can no longer mint tokens for the hours it had left.
 */
async function signOut(): Promise<void> {
  const refreshToken = sessionStorage.getItem(REFRESH_KEY);
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(REFRESH_KEY);
  const mode = CONFIG.signIn;
  if (mode.kind !== 'cognito') {
    location.assign('/console');
    return;
  }
  if (refreshToken) {
    // Signing out goes on if the revocation cannot be reached: the tokens are gone from this tab, and the bearer token expires within the hour.
    await fetch(`${mode.domainUrl}/oauth2/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: refreshToken, client_id: mode.clientId }).toString(),
    }).catch(() => undefined);
  }
  location.assign(`${mode.domainUrl}/logout?${new URLSearchParams({ client_id: mode.clientId, logout_uri: `${location.origin}/console` }).toString()}`);
}

/**
 * Takes the token the sign-in handed back: in the fragment from the development sign-in (local
 * stack only), or as a code to exchange with PKCE (Cognito). A fragment token is taken off the
 * address in every mode, and ignored outside the local stack (sign-in-result.ts says why).
 */
async function takeSignInResult(): Promise<boolean> {
  const mode = CONFIG.signIn;
  const result = signInResultOf(mode, location);
  if (carriesFragmentToken(location)) history.replaceState(null, '', location.pathname + location.search);
  if (result.kind === 'token') {
    sessionStorage.setItem(TOKEN_KEY, result.token);
    return true;
  }
  if (result.kind !== 'code' || mode.kind !== 'cognito') return false;
  history.replaceState(null, '', location.pathname);
  const pkce = JSON.parse(sessionStorage.getItem(PKCE_KEY) || '{}') as { verifier?: string; state?: string };
  sessionStorage.removeItem(PKCE_KEY);
  if (!pkce.verifier || pkce.state !== result.state) throw new ApiError(400, T.signInStateMismatch);
  const response = await fetch(`${mode.domainUrl}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: mode.clientId, code: result.code, redirect_uri: `${location.origin}/console`, code_verifier: pkce.verifier }).toString(),
  });
  // The access token, not the ID token: the API takes only access tokens carrying its scopes.
  const tokens = (await response.json().catch(() => ({}))) as { access_token?: string; refresh_token?: string };
  if (!response.ok || !tokens.access_token) throw new ApiError(response.status, T.signInFailed);
  sessionStorage.setItem(TOKEN_KEY, tokens.access_token);
  if (tokens.refresh_token) sessionStorage.setItem(REFRESH_KEY, tokens.refresh_token);
  return true;
}

export interface ApiOptions {
  readonly method?: 'GET' | 'POST' | 'PUT';
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Error statuses whose answer comes back (as the answer) instead of being thrown. */
  readonly accept?: readonly number[];
}

/** How the API words a refusal. */
interface ErrorBody {
  readonly message?: string;
  readonly details?: readonly string[];
}

/** The API's refusal, as it words it (in English). */
function refusal(response: Response, body: ErrorBody): ApiError {
  const error = new ApiError(response.status, body.message || response.statusText, body.details, body);
  error.language = 'en';
  return error;
}

function signInAgain(message: string): ApiError {
  showSignIn(T.sessionEnded);
  const error = new ApiError(401, message);
  error.signInNeeded = true;
  return error;
}

/**
 * Calls the JSON API and answers its JSON as `T`: the shape the route answers (api-types.ts).
 * With `raw`, the response itself (downloads). Answers listed in accept (e.g. [422]) come back instead of throwing.
 */
export function api<T>(path: string, options?: ApiOptions): Promise<T>;
export function api(path: string, options: ApiOptions & { readonly raw: true }): Promise<Response>;
export async function api(path: string, options: ApiOptions & { readonly raw?: boolean } = {}): Promise<unknown> {
  const session = currentSession();
  if (!session) throw signInAgain(T.signInFirst);
  const headers: Record<string, string> = { authorization: `Bearer ${session.token}` };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, { method: options.method ?? 'GET', headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  if (response.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    throw signInAgain(T.signInAgain);
  }
  if (options.raw) {
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as ErrorBody;
      throw refusal(response, body);
    }
    return response;
  }
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok && !(options.accept ?? []).includes(response.status)) {
    throw refusal(response, body as ErrorBody);
  }
  return body;
}

/** Runs an action from a button: disables it meanwhile, reports problems, re-enables it. */
export async function act<T>(button: HTMLButtonElement | null, work: () => Promise<T>): Promise<T | undefined> {
  if (button) button.disabled = true;
  clearProblem();
  try {
    return await work();
  } catch (error) {
    showProblem(error);
    return undefined;
  } finally {
    if (button && button.isConnected) button.disabled = false;
  }
}

export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function uuid(): string {
  return crypto.randomUUID();
}

/**
 * Asks for confirmation in a modal dialog (keyboard: Tab between fields, Escape cancels), with a
 * required reason when reasonLabel is given. Resolves to the reason (or true), or null if cancelled.
 */
export function ask(title: string, message: string, confirmLabel: string): Promise<true | null>;
export function ask(title: string, message: string, confirmLabel: string, reasonLabel: string): Promise<string | null>;
export function ask(title: string, message: string, confirmLabel: string, reasonLabel?: string): Promise<string | true | null> {
  return new Promise((resolve) => {
    const reasonId = `dialog-reason-${Date.now()}`;
    const reason = reasonLabel ? el('textarea', { id: reasonId, rows: 3, maxlength: 2000, required: true }) : null;
    const error = el('p', { class: 'muted', 'aria-live': 'polite' });
    const confirm = el('button', { type: 'submit', class: 'primary' }, confirmLabel);
    const cancel = el('button', { type: 'button' }, T.cancel);
    const form = el('form', { method: 'dialog' }, el('h2', { id: 'dialog-title' }, title), el('p', {}, message),
      reason ? [el('label', { for: reasonId }, reasonLabel ?? ''), reason] : null, error, confirm, cancel);
    const dialog = el('dialog', { 'aria-labelledby': 'dialog-title' }, form);
    let answer: string | true | null = null;
    form.addEventListener('submit', (event) => {
      if (reason && !reason.value.trim()) {
        event.preventDefault();
        error.textContent = T.writeReasonFirst;
        reason.focus();
        return;
      }
      answer = reason ? reason.value.trim() : true;
    });
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(answer);
    });
    document.body.append(dialog);
    dialog.showModal();
    (reason ?? confirm).focus();
  });
}

function showSignIn(message?: string): void {
  const panel = clear(byId('sign-in'));
  byId('page').hidden = true;
  const mode = CONFIG.signIn;
  const button = mode.kind === 'none'
    ? null
    : el('button', { type: 'button', class: 'primary', id: 'sign-in-button', onclick: () => void signIn() }, mode.kind === 'development' ? T.signInDevelopment : T.signIn);
  panel.append(el('section', { class: 'panel', 'aria-labelledby': 'sign-in-title' },
    el('h1', { id: 'sign-in-title' }, T.signIn),
    el('p', {}, message || T.signInIntro),
    button ?? el('p', { class: 'alert' }, T.signInMissing)));
  button?.focus();
}

function renderWho(session: Session | null): void {
  const who = clear(byId('who'));
  if (!session) return;
  who.append(el('span', {}, `${session.name} · ${session.isAdmin ? T.roleAdmin : session.isAuditor ? T.roleAuditor : T.roleNone}`),
    el('button', { type: 'button', onclick: () => void signOut() }, T.signOut));
}

/** The header's language switch: the choice is kept for a year in a cookie, and the page is asked for again in it. */
function setUpLanguageSwitch(): void {
  document.querySelectorAll<HTMLButtonElement>('button[data-language]').forEach((choice) => {
    choice.addEventListener('click', () => {
      const secure = location.protocol === 'https:' ? '; Secure' : '';
      document.cookie = `${CONSOLE_LANGUAGE_COOKIE}=${choice.dataset.language ?? ''}; Path=/console; Max-Age=31536000; SameSite=Lax${secure}`;
      location.reload();
    });
  });
}

/** Signs in if needed, removes admin-only controls for everyone else, then renders the page. */
export async function start(render: (session: Session) => Promise<void> | void): Promise<void> {
  setUpLanguageSwitch();
  try {
    if (await takeSignInResult()) {
      const back = sessionStorage.getItem(RETURN_KEY);
      sessionStorage.removeItem(RETURN_KEY);
      if (back && back !== location.pathname + location.search) {
        location.replace(back);
        return;
      }
    }
    const session = currentSession();
    renderWho(session);
    if (!session) {
      showSignIn();
      return;
    }
    if (!session.isAdmin) document.querySelectorAll('[data-admin]').forEach((node) => node.remove());
    byId('page').hidden = false;
    await render(session);
  } catch (error) {
    showProblem(error);
  }
}
