/**
 * The dashboard of one declaration: summary and chart, the list (filters, search, sort, pages,
 * row actions), the review and countersignature queues, and inviting (form and CSV file).
 */
import type { BulkResult, ClosingAnswer, CommitmentRow, CountersignaturesAnswer, Declaration, DeclarationDashboard, ImportReport, InvitationsAnswer, RemindersAnswer, ReminderAnswer, ReviewAnswer, ReviewsAnswer, SignaturesOverTime } from '../api-types';
import { moveDeadlineButton } from '../deadline';
import { resendLink } from '../resend-link';
import { act, api, ApiError, ask, byId, CATEGORY_LABELS, clear, CONFIG, count, COUNTS, download, el, fill, findById, fmtDate, fmtNumber, retitle, say, showProblem, start, STATE_LABELS, stateBadge, statusBadge, svg, T, uuid } from '../core';
import { exportSealedPdfs } from '../document-export';
import { showJointDeclaration } from '../joint-declaration';

const declarationId = CONFIG.page.declarationId ?? '';
const base = `/api/declarations/${encodeURIComponent(declarationId)}`;
const SORT_KEYS = ['organisation', 'category', 'country', 'state', 'invitedAt', 'signedAt'] as const;
type SortKey = (typeof SORT_KEYS)[number];
const listState = { state: '', category: '', country: '', q: '', sort: 'invitedAt' as SortKey, order: 'desc' as 'asc' | 'desc', page: 1, pageSize: 50 };
let declaration: Declaration | null = null;
let isAdmin = false;

const input = (id: string) => byId(id, HTMLInputElement);
const select = (id: string) => byId(id, HTMLSelectElement);
const button = (id: string) => byId(id, HTMLButtonElement);

function query(params: Readonly<Record<string, string | number | undefined>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== '' && value !== undefined) search.set(key, String(value));
  return search.toString();
}

/* ---------- summary ---------- */

/** The declaration status the joint declaration section was last shown for: it changes when the declaration is opened or closed. */
let jointSectionStatus = '';

function renderSummary(data: DeclarationDashboard): void {
  if (data.declaration.status !== jointSectionStatus) {
    jointSectionStatus = data.declaration.status;
    showJointDeclaration(byId('joint-declaration'), { declarationId, status: data.declaration.status, isAdmin }).catch(showProblem);
  }
  const current = data.declaration;
  declaration = current;
  const title = current.texts[current.defaultLanguage]?.title ?? current.id;
  retitle(title);
  byId('title').textContent = title;
  clear(byId('meta')).append(statusBadge(current.status), fill(T.versionCreated, { version: current.version, date: fmtDate(current.createdAt) })
    + (current.deadline ? fill(T.metaDeadline, { date: fmtDate(current.deadline) }) : '')
    + (current.reminders && current.reminders.automatic === false ? T.metaRemindersOff : '')
    + (current.oneTimeCode ? T.metaOneTimeCode : ''));
  renderDeclarationActions(current);

  const total = data.total;
  const progress = data.progress;
  const percent = (n: number) => fmtNumber(total ? Math.round((n / total) * 1000) / 10 : 0);
  const bar = el('div', { class: 'progress', role: 'img', 'aria-label': fill(T.progressLabel, { signed: fmtNumber(progress.signed), total: fmtNumber(total), percent: percent(progress.signed), delivered: fmtNumber(progress.delivered) }) });
  const delivered = el('div', { class: 'delivered' });
  const signed = el('div', { class: 'signed' });
  const share = (n: number) => (total ? Math.round((n / total) * 1000) / 10 : 0);
  delivered.style.width = `${share(progress.delivered)}%`;
  signed.style.width = `${share(progress.signed - progress.delivered)}%`;
  bar.append(delivered, signed);
  const tile = (label: string, value: number, state?: string) => el('div', { class: 'stat' }, el('strong', {}, fmtNumber(value)),
    state ? el('a', { href: '#panel-list', onclick: (event) => { event.preventDefault(); filterByState(state); } }, label) : label);
  clear(byId('summary')).append(
    el('p', {}, el('strong', {}, fill(T.signedOf, { signed: fmtNumber(progress.signed), organisations: count(total, COUNTS.organisation) })), fill(T.percent, { percent: percent(progress.signed) })),
    bar,
    el('div', { class: 'legend', 'aria-hidden': 'true' }, el('span', {}, el('span', { class: 'swatch delivered' }), T.legendDelivered), el('span', {}, el('span', { class: 'swatch signed' }), T.legendSigned), el('span', {}, el('span', { class: 'swatch rest' }), T.legendNotSigned)),
    el('div', { class: 'stats' },
      tile(T.tileAwaitingSignature, progress.awaitingSignature, 'INVITED'),
      tile(T.tileFlagged, data.byState.IN_REVIEW ?? 0, 'IN_REVIEW'),
      tile(T.tileAwaitingCountersignature, data.byState.VERIFIED ?? 0, 'VERIFIED'),
      tile(T.tileDelivered, progress.delivered, 'DELIVERED'),
      tile(T.tileClosedUnsigned, progress.closedUnsigned)));

  const stateRows = CONFIG.states.filter((state) => data.byState[state.id]).map((state) => el('tr', {}, el('th', { scope: 'row' }, state.label), el('td', {}, data.byState[state.id])));
  const categoryRows = CONFIG.categories.map((category) => el('tr', {}, el('th', { scope: 'row' }, category.label), el('td', {}, data.byCategory[category.id] ?? 0)));
  const countryRows = Object.entries(data.byCountry).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([country, n]) => el('tr', {}, el('th', { scope: 'row' }, country), el('td', {}, n)));
  const table = (caption: string, heading: string, rows: readonly HTMLTableRowElement[]) => el('table', {}, el('caption', {}, caption), el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, heading), el('th', { scope: 'col' }, T.commitments))), el('tbody', {}, rows));
  const nobody = [el('tr', {}, el('td', { colspan: 2 }, T.nobodyInvitedYet))];
  clear(byId('breakdown')).append(
    table(T.byState, T.state, stateRows.length ? stateRows : nobody),
    table(T.byCategory, T.category, categoryRows),
    table(T.byCountry, T.country, countryRows.length ? countryRows : nobody));
  renderChart(data.signaturesOverTime);
  const countries = Object.keys(data.byCountry).sort();
  const countryFilter = select('f-country');
  const chosen = countryFilter.value;
  clear(countryFilter).append(el('option', { value: '' }, T.any), ...countries.map((country) => el('option', { value: country }, country)));
  countryFilter.value = countries.includes(chosen) ? chosen : '';
  const reviewCount = findById('review-count');
  if (reviewCount) reviewCount.textContent = String(data.byState.IN_REVIEW ?? 0);
  const countersignCount = findById('countersign-count');
  if (countersignCount) countersignCount.textContent = String(data.byState.VERIFIED ?? 0);
}

/** Signatures over time: cumulative line over bars per hour or day, drawn as SVG here (no library). */
function renderChart(series: SignaturesOverTime): void {
  const box = clear(byId('chart'));
  const points = series.points;
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) {
    box.append(el('p', { class: 'muted' }, T.noSignatureYet));
    return;
  }
  const width = 720, height = 220, left = 48, right = 16, top = 16, bottom = 36;
  const plotWidth = width - left - right, plotHeight = height - top - bottom;
  const max = Math.max(1, last.cumulative);
  const step = plotWidth / points.length;
  const y = (value: number) => top + plotHeight - (value / max) * plotHeight;
  const hourly = series.bucket === 'hour';
  const label = (start: string) => (series.bucket === 'hour' ? `${start.slice(5, 13).replace('T', ' ')}h` : start.slice(0, 10));
  const chart = svg('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'chart-title chart-desc' },
    svg('title', { id: 'chart-title' }, T.signaturesOverTime),
    svg('desc', { id: 'chart-desc' }, fill(hourly ? T.chartDescriptionHour : T.chartDescriptionDay, { signatures: count(last.cumulative, COUNTS.signature), first: label(first.start), last: label(last.start) })),
    svg('line', { x1: left, y1: top + plotHeight, x2: width - right, y2: top + plotHeight, stroke: '#5c6670' }),
    svg('line', { x1: left, y1: top, x2: left, y2: top + plotHeight, stroke: '#5c6670' }),
    svg('text', { x: left - 6, y: top + 4, 'text-anchor': 'end', 'font-size': 12, fill: '#1b1b1b' }, String(max)),
    svg('text', { x: left - 6, y: top + plotHeight + 4, 'text-anchor': 'end', 'font-size': 12, fill: '#1b1b1b' }, '0'),
    svg('text', { x: left, y: height - 10, 'font-size': 12, fill: '#1b1b1b' }, label(first.start)),
    svg('text', { x: width - right, y: height - 10, 'text-anchor': 'end', 'font-size': 12, fill: '#1b1b1b' }, label(last.start)),
    points.map((point, i) => svg('rect', { x: left + i * step + step * 0.15, y: y(point.count), width: Math.max(1, step * 0.7), height: top + plotHeight - y(point.count), fill: '#9db4ea' })),
    svg('polyline', { fill: 'none', stroke: '#003399', 'stroke-width': 2.5, points: points.map((point, i) => `${(left + i * step + step / 2).toFixed(1)},${y(point.cumulative).toFixed(1)}`).join(' ') }));
  box.append(chart, el('details', {}, el('summary', {}, hourly ? T.tableHour : T.tableDay),
    el('table', {}, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, hourly ? T.hourUtc : T.dayUtc), el('th', { scope: 'col' }, T.signatures), el('th', { scope: 'col' }, T.runningTotal))),
      el('tbody', {}, points.filter((point) => point.count > 0).map((point) => el('tr', {}, el('td', {}, label(point.start)), el('td', {}, point.count), el('td', {}, point.cumulative)))))));
}

function renderDeclarationActions(current: Declaration): void {
  const actions = clear(byId('declaration-actions'));
  actions.append(el('a', { class: 'button', href: `/console/audit?declarationId=${encodeURIComponent(declarationId)}` }, T.documentsAndTrail));
  if (!isAdmin) return;
  if (current.status === 'OPEN') {
    actions.append(el('a', { class: 'button', href: `/console/declarations/${encodeURIComponent(declarationId)}/edit#notifications` }, T.notificationsToTeam));
  }
  if (current.status === 'DRAFT') {
    actions.append(el('a', { class: 'button', href: `/console/declarations/${encodeURIComponent(declarationId)}/edit` }, T.editDraft));
    const open = el('button', { type: 'button', class: 'primary', id: 'open-declaration' }, T.open);
    open.addEventListener('click', () => act(open, async () => {
      if (!(await ask(T.openQuestion, T.openEffect, T.open))) return;
      await api(`${base}/opening`, { method: 'POST' });
      say(T.opened);
      await refresh();
    }));
    actions.append(open);
  }
  if (current.status === 'OPEN') {
    const close = el('button', { type: 'button', class: 'danger', id: 'close-declaration' }, T.close);
    close.addEventListener('click', () => act(close, async () => {
      if (!(await ask(T.closeQuestion, T.closeEffect, T.close))) return;
      const result = await api<ClosingAnswer>(`${base}/closing`, { method: 'POST' });
      say(fill(T.closedDone, { invitations: count(result.revoked, COUNTS.invitation) }));
      await refresh();
    }));
    actions.append(close);
    const move = moveDeadlineButton(current, base, refresh);
    if (move) actions.append(move);
  }
}

/* ---------- the list ---------- */

const COLUMN_LABELS: Readonly<Record<SortKey, string>> = { organisation: T.organisation, category: T.category, country: T.country, state: T.state, invitedAt: T.invited, signedAt: T.signed };

function renderHead(): void {
  const row = clear(byId('list-head'));
  const selectPage = el('input', { type: 'checkbox', id: 'select-page', 'aria-label': T.selectPage });
  selectPage.addEventListener('change', () => document.querySelectorAll<HTMLInputElement>('#list-body input[type=checkbox]').forEach((box) => { box.checked = selectPage.checked; }));
  row.append(el('th', { scope: 'col' }, selectPage));
  for (const key of SORT_KEYS) {
    const sorted = listState.sort === key;
    const sort = el('button', { type: 'button', class: 'sort' }, COLUMN_LABELS[key] + (sorted ? (listState.order === 'asc' ? ' ▲' : ' ▼') : ''));
    sort.addEventListener('click', () => {
      listState.order = sorted && listState.order === 'asc' ? 'desc' : 'asc';
      listState.sort = key;
      listState.page = 1;
      void loadList().then(() => byId('list-head').querySelector<HTMLButtonElement>(`[data-key=${key}] button`)?.focus());
    });
    row.append(el('th', { scope: 'col', 'data-key': key, 'aria-sort': sorted ? (listState.order === 'asc' ? 'ascending' : 'descending') : 'none' }, sort));
  }
  row.append(el('th', { scope: 'col' }, T.signer), el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, T.actions)));
}

function rowActions(row: CommitmentRow): HTMLButtonElement[] {
  if (!isAdmin) return [];
  const buttons: HTMLButtonElement[] = [];
  if (row.state === 'INVITED' && declaration?.status === 'OPEN') {
    const clickId = uuid();
    const remind = el('button', { type: 'button', class: 'small', 'aria-label': fill(T.remindOrganisation, { organisation: row.organisation }) }, T.remindNow);
    remind.addEventListener('click', () => act(remind, async () => {
      const result = await api<ReminderAnswer>(`/api/commitments/${encodeURIComponent(row.id)}/reminders`, { method: 'POST', body: { clickId } });
      remind.replaceWith(el('span', { class: 'muted' }, result.result === 'sent' ? T.reminderSent : T.alreadySent));
      say(result.message);
    }));
    buttons.push(remind);
    if (CONFIG.features.resendLink) {
      const resend = el('button', { type: 'button', class: 'small', 'aria-label': fill(T.resendLinkTo, { organisation: row.organisation }) }, T.resendLink);
      resend.addEventListener('click', () => act(resend, async () => {
        // The count of the row as listed: the list's view of the link is what the admin acted on.
        await resendLink(row.id, row.resends ?? 0);
        resend.replaceWith(el('span', { class: 'muted' }, T.linkResent));
        say(fill(T.freshLinkSentTo, { email: row.email }));
      }));
      buttons.push(resend);
    }
  }
  if (['INVITED', 'SIGNED', 'IN_REVIEW', 'VERIFIED'].includes(row.state)) {
    const revoke = el('button', { type: 'button', class: 'small danger', 'aria-label': fill(T.revokeInvitationOf, { organisation: row.organisation }) }, T.revoke);
    revoke.addEventListener('click', () => act(revoke, async () => {
      const reason = await ask(fill(T.revokeInvitationOfQuestion, { organisation: row.organisation }), T.revokeEffect, T.revoke, T.reasonRecorded);
      if (!reason) return;
      await api(`/api/commitments/${encodeURIComponent(row.id)}/revocation`, { method: 'POST', body: { reason } });
      say(fill(T.organisationRevoked, { organisation: row.organisation }));
      await refresh();
    }));
    buttons.push(revoke);
  }
  return buttons;
}

async function loadList(): Promise<DeclarationDashboard> {
  const data = await api<DeclarationDashboard>(`${base}?${query(listState)}`);
  renderSummary(data);
  renderHead();
  const body = clear(byId('list-body'));
  for (const row of data.commitments) {
    body.append(el('tr', {},
      el('td', {}, el('input', { type: 'checkbox', value: row.id, 'data-state': row.state, 'aria-label': fill(T.selectOrganisation, { organisation: row.organisation }) })),
      el('td', {}, el('a', { href: `/console/commitments/${encodeURIComponent(row.id)}` }, row.organisation), el('div', { class: 'muted' }, row.email)),
      el('td', {}, CATEGORY_LABELS[row.category] ?? row.category),
      el('td', {}, row.country),
      el('td', {}, stateBadge(row.state)),
      el('td', { class: 'date' }, fmtDate(row.invitedAt)),
      el('td', { class: 'date' }, fmtDate(row.signedAt)),
      el('td', {}, row.signer ?? ''),
      el('td', {}, rowActions(row))));
  }
  if (!data.commitments.length) body.append(el('tr', {}, el('td', { colspan: 9 }, data.total ? T.noMatch : T.nobodyInvited)));
  const list = data.list;
  byId('list-count').textContent = fill(T.listCount, { matching: count(list.matching, COUNTS.commitmentsMatch), total: fmtNumber(data.total) });
  byId('page-info').textContent = fill(T.pageOf, { page: fmtNumber(list.page), pages: fmtNumber(list.pages) });
  button('prev').disabled = list.page <= 1;
  button('next').disabled = list.page >= list.pages;
  listState.page = list.page;
  return data;
}

function filterByState(state: string): void {
  select('f-state').value = state;
  listState.state = state;
  listState.page = 1;
  selectTab('list');
  void loadList().then(() => byId('list-count').focus());
}

function readFilters(): void {
  listState.state = select('f-state').value;
  listState.category = select('f-category').value;
  listState.country = select('f-country').value;
  listState.q = input('f-q').value.trim();
  listState.pageSize = Number(select('f-size').value);
  listState.page = 1;
}

async function exportCsv(trigger: HTMLButtonElement): Promise<void> {
  await act(trigger, async () => {
    const { page, pageSize, ...filters } = listState;
    const response = await api(`${base}/commitments.csv?${query(filters)}`, { raw: true });
    download(await response.blob(), `commitments-${declarationId}.csv`);
    say(T.exportedCsv);
  });
}

function selectedIds(state?: string): string[] {
  return [...document.querySelectorAll<HTMLInputElement>('#list-body input[type=checkbox]:checked')].filter((box) => !state || box.dataset.state === state).map((box) => box.value);
}

/** A table of what a bulk action did, one row per commitment. */
function resultTable(caption: string, results: readonly BulkResult[], names: Readonly<Record<string, string | undefined>>): HTMLTableElement {
  return el('table', {}, el('caption', {}, caption),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, T.organisation), el('th', { scope: 'col' }, T.result), el('th', { scope: 'col' }, T.details))),
    el('tbody', {}, results.map((result) => el('tr', { 'data-result': result.result }, el('td', {}, names[result.commitmentId] || result.commitmentId), el('td', {}, result.result), el('td', {}, result.message)))));
}

let bulkRemindClick = uuid();
async function remindSelected(trigger: HTMLButtonElement): Promise<void> {
  const ids = selectedIds('INVITED');
  if (!ids.length) {
    say(T.selectAwaitingFirst);
    return;
  }
  await act(trigger, async () => {
    const result = await api<RemindersAnswer>(`${base}/reminders`, { method: 'POST', body: { commitmentIds: ids, clickId: bulkRemindClick } });
    bulkRemindClick = uuid();
    // A row's organisation is the link in its second cell.
    const names = Object.fromEntries([...document.querySelectorAll('#list-body tr')].map((tr) => {
      const box = tr.querySelector('input');
      return box ? [box.value, tr.children[1]?.firstChild?.textContent ?? undefined] : ['', undefined];
    }));
    clear(byId('list-results')).append(resultTable(fill(T.remindersSent, { sent: fmtNumber(result.sent) }), result.results, names));
    say(fill(T.remindersDone, { reminders: count(result.sent, COUNTS.reminder) }));
  });
}

/* ---------- review queue ---------- */

async function loadReview(): Promise<void> {
  const data = await api<DeclarationDashboard>(`${base}?${query({ state: 'IN_REVIEW', sort: 'signedAt', order: 'asc', pageSize: 100 })}`);
  const box = clear(byId('review-queue'));
  byId('review-bulk').hidden = data.commitments.length === 0;
  input('review-select-all').checked = false;
  if (!data.commitments.length) {
    box.append(el('p', { class: 'muted' }, T.nothingForReview));
    updateReviewSelection();
    return;
  }
  box.append(el('p', {}, fill(data.list.matching > 100 ? T.flaggedCountOldest : T.flaggedCount, { commitments: count(data.list.matching, COUNTS.commitment) })));
  for (const row of data.commitments) {
    const reasonId = `reason-${row.id}`;
    const reason = el('textarea', { id: reasonId, rows: 2, maxlength: 2000 });
    const outcome = el('p', { 'aria-live': 'polite' });
    const approve = el('button', { type: 'button', class: 'primary' }, T.approve);
    const reject = el('button', { type: 'button', class: 'danger' }, T.reject);
    const selectBox = el('input', { type: 'checkbox', class: 'review-select', value: row.id, 'data-name': row.organisation, 'aria-label': fill(T.selectOrganisation, { organisation: row.organisation }) });
    selectBox.addEventListener('change', updateReviewSelection);
    const item = el('article', { class: 'queue-item', 'aria-label': row.organisation, 'data-commitment': row.id },
      el('h3', {}, selectBox, ' ', el('a', { href: `/console/commitments/${encodeURIComponent(row.id)}` }, row.organisation)),
      el('p', { class: 'muted' }, fill(T.signedByOn, { category: CATEGORY_LABELS[row.category] ?? row.category, country: row.country, signer: row.signer || '?', email: row.email, date: fmtDate(row.signedAt) })),
      el('p', {}, T.whyFlagged), el('ul', {}, (row.flagged ?? []).map((reasonText) => el('li', {}, reasonText))),
      el('label', { for: reasonId }, T.decisionReason), reason, approve, reject, outcome);
    const decide = (decision: 'approve' | 'reject', trigger: HTMLButtonElement) => act(trigger, async () => {
      if (!reason.value.trim()) {
        outcome.textContent = T.decisionReasonFirst;
        reason.focus();
        return;
      }
      const result = await api<ReviewAnswer>(`/api/commitments/${encodeURIComponent(row.id)}/review`, { method: 'POST', body: { decision, reason: reason.value } });
      item.replaceChildren(el('p', {}, el('strong', {}, row.organisation), result.state === 'VERIFIED' ? T.approvedAwaits : T.rejectedShort));
      updateReviewSelection();
      say(fill(decision === 'approve' ? T.organisationApproved : T.organisationRejected, { organisation: row.organisation }));
    });
    approve.addEventListener('click', () => decide('approve', approve));
    reject.addEventListener('click', () => decide('reject', reject));
    box.append(item);
  }
  updateReviewSelection();
}

const reviewBoxes = (checkedOnly = false) => [...document.querySelectorAll<HTMLInputElement>(`#review-queue input.review-select${checkedOnly ? ':checked' : ''}`)];

function updateReviewSelection(): void {
  const n = reviewBoxes(true).length;
  const approve = button('review-approve-selected');
  const reject = button('review-reject-selected');
  approve.textContent = count(n, COUNTS.approveSelected);
  reject.textContent = count(n, COUNTS.rejectSelected);
  approve.disabled = n === 0;
  reject.disabled = n === 0;
}

const REVIEW_RESULT_LABELS: Readonly<Record<string, string>> = {
  approved: T.approved, rejected: T.rejected, 'already-reviewed': T.resultAlreadyReviewed, 'not-in-review': T.resultNotInReview, 'not-found': T.resultNotFound,
};

async function reviewSelected(decision: 'approve' | 'reject', trigger: HTMLButtonElement): Promise<void> {
  await act(trigger, async () => {
    const selected = reviewBoxes(true);
    const reason = byId('review-bulk-reason', HTMLTextAreaElement);
    const problem = byId('review-bulk-problem');
    problem.textContent = '';
    if (!selected.length) return;
    if (!reason.value.trim()) {
      problem.textContent = T.decisionReasonFirstEach;
      reason.focus();
      return;
    }
    const what = count(selected.length, COUNTS.commitment);
    const confirmed = decision === 'approve'
      ? await ask(fill(T.approveMany, { what }), T.approveManyEffect, T.approve)
      : await ask(fill(T.rejectMany, { what }), T.rejectManyEffect, T.reject);
    if (!confirmed) return;
    const names = Object.fromEntries(reviewBoxes().map((box) => [box.value, box.dataset.name]));
    const result = await api<ReviewsAnswer>(`${base}/reviews`, { method: 'POST', body: { commitmentIds: selected.map((box) => box.value), decision, reason: reason.value } });
    const outcome = el('p', { class: 'ok', id: 'review-outcome', tabindex: -1 },
      fill(T.reviewOutcomeCounts, { approved: fmtNumber(result.approved), rejected: fmtNumber(result.rejected), alreadyReviewed: fmtNumber(result.alreadyReviewed), notInReview: fmtNumber(result.notInReview), notFound: fmtNumber(result.notFound) }));
    const table = el('table', { id: 'review-results-table' }, el('caption', {}, T.whatHappened),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, T.organisation), el('th', { scope: 'col' }, T.result), el('th', { scope: 'col' }, T.details))),
      el('tbody', {}, result.results.map((row) => el('tr', { 'data-result': row.result },
        el('td', {}, names[row.commitmentId] || row.commitmentId), el('td', {}, REVIEW_RESULT_LABELS[row.result] ?? row.result), el('td', {}, row.message)))));
    clear(byId('review-results')).append(outcome, table);
    reason.value = '';
    // The queue is read from an index that may lag a moment behind: take out what is settled from the answer itself.
    const settled = new Set(result.results.filter((row) => row.result !== 'not-found').map((row) => row.commitmentId));
    document.querySelectorAll<HTMLElement>('#review-queue article.queue-item').forEach((item) => { if (settled.has(item.dataset.commitment ?? '')) item.remove(); });
    input('review-select-all').checked = false;
    updateReviewSelection();
    outcome.focus();
    say(fill(T.reviewedDone, { commitments: count(result.approved + result.rejected, COUNTS.commitment) }));
    await loadList();
  });
  // act() enables its button again when done; the selection decides.
  updateReviewSelection();
}

/* ---------- countersignature queue ---------- */

let countersignQueue = 0;

async function loadCountersign(): Promise<void> {
  const data = await api<DeclarationDashboard>(`${base}?${query({ state: 'VERIFIED', sort: 'signedAt', order: 'asc', pageSize: 1000 })}`);
  const body = clear(byId('countersign-body'));
  for (const row of data.commitments) {
    body.append(el('tr', {},
      el('td', {}, el('input', { type: 'checkbox', value: row.id, 'data-name': row.organisation, 'aria-label': fill(T.selectOrganisation, { organisation: row.organisation }) })),
      el('td', {}, el('a', { href: `/console/commitments/${encodeURIComponent(row.id)}` }, row.organisation)),
      el('td', {}, CATEGORY_LABELS[row.category]), el('td', {}, row.country), el('td', {}, row.signer ?? ''), el('td', { class: 'date' }, fmtDate(row.signedAt))));
  }
  countersignQueue = data.list.matching;
  renderCountersignSummary();
}

function renderCountersignSummary(): void {
  const total = countersignQueue;
  const listed = document.querySelectorAll('#countersign-body tr').length;
  byId('countersign-summary').textContent = total
    ? fill(total > listed ? T.countersignSummaryMore : T.countersignSummary, { waiting: count(total, COUNTS.verifiedAwaitCountersignature), listed: count(listed, COUNTS.oldestListed) })
    : T.nothingToCountersign;
  button('countersign-all').textContent = count(total, COUNTS.countersignAllVerified);
  button('countersign-all').disabled = total === 0;
  byId('countersign-table').hidden = total === 0;
  input('countersign-select-all').checked = false;
  updateCountersignSelection();
}

function updateCountersignSelection(): void {
  const n = document.querySelectorAll('#countersign-body input:checked').length;
  button('countersign-selected').textContent = count(n, COUNTS.countersignSelected);
  button('countersign-selected').disabled = n === 0;
}

async function countersign(selection: { commitmentIds: string[] } | { allVerified: true }, trigger: HTMLButtonElement, what: string): Promise<void> {
  await act(trigger, async () => {
    if (!(await ask(fill(T.countersignMany, { what }), T.countersignManyEffect, T.countersign))) return;
    const names = Object.fromEntries([...document.querySelectorAll<HTMLInputElement>('#countersign-body input')].map((box) => [box.value, box.dataset.name]));
    const result = await api<CountersignaturesAnswer>(`${base}/countersignatures`, { method: 'POST', body: selection });
    const outcome = el('p', { class: 'ok', id: 'countersign-outcome', tabindex: -1 }, fill(T.countersignOutcome, { countersigned: fmtNumber(result.countersigned), alreadyCountersigned: fmtNumber(result.alreadyCountersigned), notReady: fmtNumber(result.notReady), notFound: fmtNumber(result.notFound) }));
    clear(byId('countersign-results')).append(outcome, resultTable(T.whatHappened, result.results, names));
    outcome.focus();
    say(fill(T.countersignedDone, { commitments: count(result.countersigned, COUNTS.commitment) }));
    // The queue is read from an index that may lag a moment behind: take out what is done from the answer itself.
    const done = new Set(result.results.filter((r) => r.result === 'countersigned' || r.result === 'already-countersigned').map((r) => r.commitmentId));
    document.querySelectorAll('#countersign-body tr').forEach((tr) => { if (done.has(tr.querySelector('input')?.value ?? '')) tr.remove(); });
    countersignQueue = Math.max(0, countersignQueue - done.size);
    await loadList();
  });
  // `act` enables its button again when it is done: the buttons follow what is left and selected.
  renderCountersignSummary();
}

/* ---------- inviting ---------- */

async function inviteOne(event: Event): Promise<void> {
  event.preventDefault();
  await act(button('invite-submit'), async () => {
    const value = (id: string) => byId(id, HTMLInputElement).value;
    const invitation = {
      organisation: { name: value('i-name'), category: select('i-category').value, country: value('i-country').trim().toUpperCase(), email: value('i-email'), contactName: value('i-contact'), emailDomains: value('i-domains').split(/[\s,;]+/).filter(Boolean) },
      language: byId('i-language', HTMLSelectElement).value,
    };
    const result = await api<InvitationsAnswer>(`${base}/invitations`, { method: 'POST', body: { invitations: [invitation] } });
    const one = result.results[0];
    if (!one) throw new ApiError(502, T.invitationUnanswered);
    const outcome = clear(byId('invite-outcome'));
    if (one.status === 'invited') outcome.append(fill(T.invitedOne, { organisation: invitation.organisation.name }));
    // Already invited: the answer says what to do next; the commitment's page holds "Invite again".
    else outcome.append(one.message ?? fill(T.alreadyInvitedOne, { email: one.email, state: STATE_LABELS[one.state] ?? one.state }), ' ',
      el('a', { href: `/console/commitments/${encodeURIComponent(one.commitmentId)}`, id: 'invite-outcome-commitment' }, T.openItsCommitment));
    if (one.status === 'invited') byId('invite-form', HTMLFormElement).reset();
    await loadList();
  });
}

let csvText = '';
let csvReport: ImportReport | null = null;
const IMPORT_SLICE = 500;

function problemsTable(report: ImportReport): HTMLTableElement {
  return el('table', { id: 'csv-problems' }, el('caption', {}, fill(T.rowsWithProblems, { n: fmtNumber(report.problems.length) })),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, T.line), el('th', { scope: 'col' }, T.organisation), el('th', { scope: 'col' }, T.email), el('th', { scope: 'col' }, T.whatToCorrect))),
    el('tbody', {}, report.problems.map((problem) => el('tr', {}, el('td', {}, problem.line), el('td', {}, problem.organisation ?? ''), el('td', {}, problem.email ?? ''), el('td', {}, el('ul', {}, problem.reasons.map((reason) => el('li', {}, reason))))))));
}

function renderCsvReport(report: ImportReport): void {
  const box = clear(byId('csv-report'));
  if (report.fileErrors.length) {
    box.append(el('div', { class: 'alert', id: 'csv-file-errors' }, el('strong', {}, T.fileCannotImport), el('ul', {}, report.fileErrors.map((error) => el('li', {}, error)))));
    return;
  }
  const clean = report.problems.length === 0;
  box.append(el('p', { class: clean ? 'ok' : 'alert', id: 'csv-summary', tabindex: -1 },
    fill(T.csvSummary, { rows: count(report.dataRows, COUNTS.row), valid: fmtNumber(report.validRows), problems: fmtNumber(report.problems.length), already: fmtNumber(report.alreadyInvited.length), toInvite: fmtNumber(report.toInvite) })
    + (clean ? '' : T.csvNotClean)));
  if (!clean) box.append(problemsTable(report));
  if (report.alreadyInvited.length) {
    box.append(el('details', {}, el('summary', {}, fill(T.alreadyInvitedSkipped, { n: fmtNumber(report.alreadyInvited.length) })),
      el('ul', {}, report.alreadyInvited.map((already) => el('li', {}, fill(T.lineEmail, { line: already.line, email: already.email }))))));
  }
  if (report.toInvite > 0 && declaration?.status === 'OPEN') {
    const importButton = clean
      ? el('button', { type: 'button', class: 'primary', id: 'csv-import' }, fill(T.importOrganisations, { organisations: count(report.toInvite, COUNTS.organisation) }))
      : el('button', { type: 'button', id: 'csv-import-valid' }, count(report.toInvite, COUNTS.importGoodRows));
    importButton.addEventListener('click', () => importCsv(clean ? 'import' : 'import-valid-rows', importButton));
    box.append(importButton);
  } else if (report.toInvite > 0) {
    box.append(el('p', { class: 'muted' }, T.openToImport));
  }
}

async function checkCsv(trigger: HTMLButtonElement): Promise<void> {
  await act(trigger, async () => {
    const fileInput = input('csv-file');
    const file = fileInput.files?.[0];
    if (!file) {
      showProblem(new ApiError(400, T.chooseCsv));
      fileInput.focus();
      return;
    }
    csvText = await file.text();
    const report = await api<ImportReport>(`${base}/invitation-imports`, { method: 'POST', body: { csv: csvText, mode: 'check' } });
    csvReport = report;
    renderCsvReport(report);
    (findById('csv-summary') ?? byId('csv-report')).focus();
    say(T.fileChecked);
  });
}

/** Imports in slices of rows; the server checks the whole file every time, so nothing slips through. */
async function importCsv(mode: 'import' | 'import-valid-rows', trigger: HTMLButtonElement): Promise<void> {
  const checked = csvReport;
  if (!checked) return;
  await act(trigger, async () => {
    const progress = el('progress', { max: checked.dataRows, value: 0, id: 'csv-progress', 'aria-label': T.importProgress });
    const note = el('p', { 'aria-live': 'polite' });
    byId('csv-report').append(progress, note);
    let invited = 0, already = 0;
    for (let from = 1; from <= checked.dataRows; from += IMPORT_SLICE) {
      const to = Math.min(checked.dataRows, from + IMPORT_SLICE - 1);
      const report = await api<ImportReport>(`${base}/invitation-imports`, { method: 'POST', body: { csv: csvText, mode, rows: { from, to } }, accept: [422] });
      if (report.refused || !report.imported) {
        renderCsvReport(report);
        throw new ApiError(422, report.refused ?? T.nothingImported);
      }
      invited += report.imported.invited;
      already += report.imported.alreadyInvited;
      progress.value = to;
      note.textContent = fill(T.rowsDone, { from: fmtNumber(from), to: fmtNumber(to) });
    }
    const done = el('p', { class: 'ok', id: 'csv-done', tabindex: -1 }, fill(already ? T.importedWithAlready : T.imported, { organisations: count(invited, COUNTS.organisation), already: fmtNumber(already) }));
    clear(byId('csv-report')).append(done);
    done.focus();
    input('csv-file').value = '';
    say(fill(T.invitedFromFile, { organisations: count(invited, COUNTS.organisation) }));
    await loadList();
  });
}

function csvTemplate(): void {
  const example = ['"Port of Piraeus Authority"', 'port_authority', 'GR', 'security@olp.example', '"Αθανάσιος Παπαδόπουλος"', 'el', 'olp.example'];
  download(new Blob([`\ufeff${CONFIG.csvColumns.join(',')}\r\n${example.join(',')}\r\n`], { type: 'text/csv' }), 'invitations-template.csv');
}

/* ---------- tabs ---------- */

const TABS = ['list', 'review', 'countersign', 'invite'] as const;
type Tab = (typeof TABS)[number];

function selectTab(name: Tab): void {
  for (const tab of TABS) {
    const tabButton = findById(`tab-${tab}`);
    if (!tabButton) continue;
    const selected = tab === name;
    tabButton.setAttribute('aria-selected', String(selected));
    tabButton.tabIndex = selected ? 0 : -1;
    const panel = findById(`panel-${tab}`);
    if (panel) panel.hidden = !selected;
  }
  if (name === 'review') loadReview().catch(showProblem);
  if (name === 'countersign') loadCountersign().catch(showProblem);
}

function setUpTabs(): void {
  const present = TABS.filter((tab) => findById(`tab-${tab}`));
  present.forEach((tab, index) => {
    const tabButton = byId(`tab-${tab}`);
    tabButton.addEventListener('click', () => selectTab(tab));
    tabButton.addEventListener('keydown', (event) => {
      const move = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (!move) return;
      const next = present[(index + move + present.length) % present.length];
      if (!next) return;
      selectTab(next);
      byId(`tab-${next}`).focus();
    });
  });
}

async function refresh(): Promise<void> {
  await loadList();
  if (findById('panel-review')?.hidden === false) await loadReview();
  if (findById('panel-countersign')?.hidden === false) await loadCountersign();
}

void start(async (session) => {
  isAdmin = session.isAdmin;
  setUpTabs();
  byId('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    readFilters();
    loadList().catch(showProblem);
  });
  select('f-state').append(...CONFIG.states.map((state) => el('option', { value: state.id }, state.label)));
  select('f-category').append(...CONFIG.categories.map((category) => el('option', { value: category.id }, category.label)));
  button('prev').addEventListener('click', () => { listState.page -= 1; loadList().catch(showProblem); });
  button('next').addEventListener('click', () => { listState.page += 1; loadList().catch(showProblem); });
  const exportButton = button('export-csv');
  exportButton.addEventListener('click', () => exportCsv(exportButton));
  const zipButton = button('export-zip');
  zipButton.addEventListener('click', () => exportSealedPdfs(zipButton, byId('zip-result'), declarationId, {
    states: listState.state ? [listState.state] : [], categories: listState.category ? [listState.category] : [], countries: listState.country ? [listState.country] : [], q: listState.q,
  }));
  if (isAdmin) {
    const remindButton = button('remind-selected');
    remindButton.addEventListener('click', () => remindSelected(remindButton));
    byId('countersign-body').addEventListener('change', updateCountersignSelection);
    const selectAll = input('countersign-select-all');
    selectAll.addEventListener('change', () => {
      document.querySelectorAll<HTMLInputElement>('#countersign-body input').forEach((box) => { box.checked = selectAll.checked; });
      updateCountersignSelection();
    });
    const countersignSelected = button('countersign-selected');
    countersignSelected.addEventListener('click', () => {
      const ids = [...document.querySelectorAll<HTMLInputElement>('#countersign-body input:checked')].map((box) => box.value);
      void countersign({ commitmentIds: ids }, countersignSelected, count(ids.length, COUNTS.selectedCommitment));
    });
    byId('review-bulk').addEventListener('submit', (event) => event.preventDefault());
    const reviewSelectAll = input('review-select-all');
    reviewSelectAll.addEventListener('change', () => {
      reviewBoxes().forEach((box) => { box.checked = reviewSelectAll.checked; });
      updateReviewSelection();
    });
    const approveSelected = button('review-approve-selected');
    approveSelected.addEventListener('click', () => reviewSelected('approve', approveSelected));
    const rejectSelected = button('review-reject-selected');
    rejectSelected.addEventListener('click', () => reviewSelected('reject', rejectSelected));
    const countersignAll = button('countersign-all');
    countersignAll.addEventListener('click', () => countersign({ allVerified: true }, countersignAll, T.everyVerified));
    select('i-category').append(...CONFIG.categories.map((category) => el('option', { value: category.id }, category.label)));
    byId('invite-form').addEventListener('submit', (event) => { void inviteOne(event); });
    const checkButton = button('csv-check');
    checkButton.addEventListener('click', () => checkCsv(checkButton));
    button('csv-template').addEventListener('click', csvTemplate);
  }
  await loadList();
  const saved = new URLSearchParams(location.search).get('saved');
  if (saved) say(saved === 'opened' ? T.createdOpen : T.savedDraft);
});
