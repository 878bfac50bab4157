/**
 * The script every console page shares: sign-in (Cognito's hosted UI with PKCE on AWS, the
 * development sign-in locally), calls to the JSON API with the bearer token, and small DOM
 * helpers that insert everything as text (never as markup). Pages call `start(render)`.
 */
export const CORE_SCRIPT = String.raw`'use strict';
const CONFIG = JSON.parse(document.getElementById('console-config').textContent);
const TOKEN_KEY = 'ports-alliance.token';
const RETURN_KEY = 'ports-alliance.return-to';
const PKCE_KEY = 'ports-alliance.pkce';
const $ = (id) => document.getElementById(id);

/** Builds an element; strings become text nodes, attributes are set as attributes, on* as listeners. */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttributes(node, attrs);
  for (const child of children.flat(3)) if (child !== undefined && child !== null && child !== false) node.append(child instanceof Node ? child : String(child));
  return node;
}
function svg(tag, attrs, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  setAttributes(node, attrs);
  for (const child of children.flat(3)) if (child !== undefined && child !== null && child !== false) node.append(child instanceof Node ? child : String(child));
  return node;
}
function setAttributes(node, attrs) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
}
function clear(node) { node.replaceChildren(); return node; }

const STATE_LABELS = Object.fromEntries(CONFIG.states.map((s) => [s.id, s.label]));
const CATEGORY_LABELS = Object.fromEntries(CONFIG.categories.map((c) => [c.id, c.label]));
const BADGE = { DELIVERED: 'good', SEALED: 'good', COUNTERSIGNED: 'good', VERIFIED: 'info', SIGNED: 'info', IN_REVIEW: 'warn', INVITED: '', DECLINED: 'bad', EXPIRED: 'bad', REVOKED: 'bad', REJECTED: 'bad', FAILED: 'bad', DRAFT: 'warn', OPEN: 'info', CLOSED: '' };
function stateBadge(state) { return el('span', { class: 'badge ' + (BADGE[state] || '') }, STATE_LABELS[state] || state); }
function statusBadge(status) { return el('span', { class: 'badge ' + (BADGE[status] || '') }, status === 'DRAFT' ? 'Draft' : status === 'OPEN' ? 'Open for signing' : 'Closed'); }
function fmtDate(iso) { return iso ? iso.slice(0, 16).replace('T', ' ') + ' UTC' : ''; }
function plural(n, one, many) { return n.toLocaleString('en') + ' ' + (n === 1 ? one : (many || one + 's')); }

function say(message) { $('status').textContent = message; }
function showProblem(error) {
  const box = clear($('problem'));
  if (!error || error.signInNeeded) return;
  const details = (error.details || []).map((d) => el('li', {}, d));
  box.append(el('div', { class: 'alert' }, el('strong', {}, error.message || String(error)), details.length ? el('ul', {}, details) : null));
}
function clearProblem() { clear($('problem')); }

class ApiError extends Error {
  constructor(status, message, details, body) { super(message); this.status = status; this.details = details || []; this.body = body; }
}

function base64url(bytes) { let text = ''; bytes.forEach((b) => { text += String.fromCharCode(b); }); return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''); }
function randomString(size) { const bytes = new Uint8Array(size); crypto.getRandomValues(bytes); return base64url(bytes); }
function claimsOf(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0))));
  } catch { return null; }
}
function currentSession() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return null;
  const claims = claimsOf(token);
  if (!claims || (claims.exp && claims.exp * 1000 < Date.now())) { sessionStorage.removeItem(TOKEN_KEY); return null; }
  const raw = claims['cognito:groups'];
  const groups = Array.isArray(raw) ? raw : String(raw || '').replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean);
  return { token, name: claims.name || claims.email || claims.sub, email: claims.email, groups, isAdmin: groups.includes('commission-admin'), isAuditor: groups.includes('auditor') };
}

/** Sends the browser to sign in, and back here afterwards. */
async function signIn() {
  sessionStorage.setItem(RETURN_KEY, location.pathname + location.search);
  const mode = CONFIG.signIn;
  if (mode.kind === 'development') { location.assign(mode.url); return; }
  if (mode.kind !== 'cognito') return;
  const verifier = randomString(48);
  const state = randomString(24);
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state }));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const query = new URLSearchParams({ response_type: 'code', client_id: mode.clientId, redirect_uri: location.origin + '/console', scope: 'openid email profile', state, code_challenge: base64url(digest), code_challenge_method: 'S256' });
  location.assign(mode.domainUrl + '/oauth2/authorize?' + query.toString());
}
function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  const mode = CONFIG.signIn;
  if (mode.kind === 'cognito') location.assign(mode.domainUrl + '/logout?' + new URLSearchParams({ client_id: mode.clientId, logout_uri: location.origin + '/console' }).toString());
  else location.assign('/console');
}

/** Takes the token the sign-in handed back: in the fragment (development) or as a code to exchange (Cognito). */
async function takeSignInResult() {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) { sessionStorage.setItem(TOKEN_KEY, fromHash); history.replaceState(null, '', location.pathname + location.search); return true; }
  const query = new URLSearchParams(location.search);
  const code = query.get('code');
  if (CONFIG.signIn.kind !== 'cognito' || !code) return false;
  history.replaceState(null, '', location.pathname);
  const pkce = JSON.parse(sessionStorage.getItem(PKCE_KEY) || '{}');
  sessionStorage.removeItem(PKCE_KEY);
  if (!pkce.verifier || pkce.state !== query.get('state')) throw new ApiError(400, 'The sign-in could not be completed (its state did not match). Sign in again.');
  const response = await fetch(CONFIG.signIn.domainUrl + '/oauth2/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: CONFIG.signIn.clientId, code, redirect_uri: location.origin + '/console', code_verifier: pkce.verifier }).toString(),
  });
  const tokens = await response.json().catch(() => ({}));
  if (!response.ok || !tokens.id_token) throw new ApiError(response.status, 'The sign-in could not be completed. Sign in again.');
  sessionStorage.setItem(TOKEN_KEY, tokens.id_token);
  return true;
}

/** Calls the JSON API. Answers listed in accept (e.g. [422]) come back instead of throwing. */
async function api(path, options) {
  options = options || {};
  const session = currentSession();
  if (!session) { showSignIn('Your session has ended. Sign in again.'); const e = new ApiError(401, 'Sign in first.'); e.signInNeeded = true; throw e; }
  const headers = { authorization: 'Bearer ' + session.token };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, { method: options.method || 'GET', headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  if (response.status === 401) { sessionStorage.removeItem(TOKEN_KEY); showSignIn('Your session has ended. Sign in again.'); const e = new ApiError(401, 'Sign in again.'); e.signInNeeded = true; throw e; }
  if (options.raw) {
    if (!response.ok) { const body = await response.json().catch(() => ({})); throw new ApiError(response.status, body.message || response.statusText, body.details, body); }
    return response;
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok && !(options.accept || []).includes(response.status)) throw new ApiError(response.status, body.message || response.statusText, body.details, body);
  return body;
}

/** Runs an action from a button: disables it meanwhile, reports problems, re-enables it. */
async function act(button, work) {
  if (button) button.disabled = true;
  clearProblem();
  try { return await work(); } catch (error) { showProblem(error); return undefined; } finally { if (button && button.isConnected) button.disabled = false; }
}

function download(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
function uuid() { return crypto.randomUUID(); }

/**
 * Asks for confirmation in a modal dialog (keyboard: Tab between fields, Escape cancels), with a
 * required reason when reasonLabel is given. Resolves to the reason (or true), or null if cancelled.
 */
function ask(title, message, confirmLabel, reasonLabel) {
  return new Promise((resolve) => {
    const reasonId = 'dialog-reason-' + Date.now();
    const reason = reasonLabel ? el('textarea', { id: reasonId, rows: 3, maxlength: 2000, required: true }) : null;
    const error = el('p', { class: 'muted', 'aria-live': 'polite' });
    const confirm = el('button', { type: 'submit', class: 'primary' }, confirmLabel);
    const cancel = el('button', { type: 'button' }, 'Cancel');
    const form = el('form', { method: 'dialog' }, el('h2', { id: 'dialog-title' }, title), el('p', {}, message),
      reason ? [el('label', { for: reasonId }, reasonLabel), reason] : null, error, confirm, cancel);
    const dialog = el('dialog', { 'aria-labelledby': 'dialog-title' }, form);
    let answer = null;
    form.addEventListener('submit', (event) => {
      if (reason && !reason.value.trim()) { event.preventDefault(); error.textContent = 'Write the reason first.'; reason.focus(); return; }
      answer = reason ? reason.value.trim() : true;
    });
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => { dialog.remove(); resolve(answer); });
    document.body.append(dialog);
    dialog.showModal();
    (reason || confirm).focus();
  });
}

function showSignIn(message) {
  const panel = clear($('sign-in'));
  $('page').hidden = true;
  const mode = CONFIG.signIn;
  panel.append(el('section', { class: 'panel', 'aria-labelledby': 'sign-in-title' },
    el('h1', { id: 'sign-in-title' }, 'Sign in'),
    el('p', {}, message || 'The console is for European Commission staff: admins who run the campaign and auditors who check it.'),
    mode.kind === 'none'
      ? el('p', { class: 'alert' }, 'No sign-in is configured for this deployment: deploy with -c cognitoDomainPrefix=<prefix> to use the Cognito sign-in page.')
      : el('button', { type: 'button', class: 'primary', id: 'sign-in-button', onclick: () => signIn() }, mode.kind === 'development' ? 'Sign in (development)' : 'Sign in')));
  $('sign-in-button') && $('sign-in-button').focus();
}

function renderWho(session) {
  const who = clear($('who'));
  if (!session) return;
  who.append(el('span', {}, session.name + ' · ' + (session.isAdmin ? 'Commission admin' : session.isAuditor ? 'Auditor' : 'no role')),
    el('button', { type: 'button', onclick: signOut }, 'Sign out'));
}

/** Signs in if needed, removes admin-only controls for everyone else, then renders the page. */
async function start(render) {
  try {
    if (await takeSignInResult()) {
      const back = sessionStorage.getItem(RETURN_KEY);
      sessionStorage.removeItem(RETURN_KEY);
      if (back && back !== location.pathname + location.search) { location.replace(back); return; }
    }
    const session = currentSession();
    renderWho(session);
    if (!session) { showSignIn(); return; }
    if (!session.isAdmin) document.querySelectorAll('[data-admin]').forEach((node) => node.remove());
    $('page').hidden = false;
    await render(session);
  } catch (error) {
    showProblem(error);
  }
}
`;
