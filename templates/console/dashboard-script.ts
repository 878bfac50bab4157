/**
 * The dashboard of one declaration: summary and chart, the list (filters, search, sort, pages,
 * row actions), the review and countersignature queues, and inviting (form and CSV file).
 */
export const DASHBOARD_SCRIPT = String.raw`
const declarationId = CONFIG.page.declarationId;
const base = '/api/declarations/' + encodeURIComponent(declarationId);
const listState = { state: '', category: '', country: '', q: '', sort: 'invitedAt', order: 'desc', page: 1, pageSize: 50 };
let declaration = null;
let isAdmin = false;

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== '' && value !== undefined && value !== null) search.set(key, String(value));
  return search.toString();
}

/* ---------- summary ---------- */

function renderSummary(data) {
  declaration = data.declaration;
  const title = declaration.texts[declaration.defaultLanguage].title;
  document.title = title + ' · Ports Alliance signing console';
  $('title').textContent = title;
  clear($('meta')).append(statusBadge(declaration.status), ' Version ' + declaration.version + ' · created ' + fmtDate(declaration.createdAt)
    + (declaration.deadline ? ' · deadline ' + fmtDate(declaration.deadline) : '')
    + (declaration.reminders && declaration.reminders.automatic === false ? ' · automatic reminders off' : '')
    + (declaration.oneTimeCode ? ' · one-time code' : ''));
  renderDeclarationActions();

  const total = data.total;
  const progress = data.progress;
  const percent = (n) => (total ? Math.round((n / total) * 1000) / 10 : 0);
  const bar = el('div', { class: 'progress', role: 'img', 'aria-label': progress.signed + ' of ' + total + ' signed (' + percent(progress.signed) + '%), ' + progress.delivered + ' delivered' });
  const delivered = el('div', { class: 'delivered' });
  const signed = el('div', { class: 'signed' });
  delivered.style.width = percent(progress.delivered) + '%';
  signed.style.width = percent(progress.signed - progress.delivered) + '%';
  bar.append(delivered, signed);
  const tile = (label, value, state) => el('div', { class: 'stat' }, el('strong', {}, value.toLocaleString('en')), state ? el('a', { href: '#panel-list', onclick: (event) => { event.preventDefault(); filterByState(state); } }, label) : label);
  clear($('summary')).append(
    el('p', {}, el('strong', {}, progress.signed.toLocaleString('en') + ' of ' + plural(total, 'organisation') + ' signed'), ' (' + percent(progress.signed) + '%)'),
    bar,
    el('div', { class: 'legend', 'aria-hidden': 'true' }, el('span', {}, el('span', { class: 'swatch delivered' }), 'Delivered'), el('span', {}, el('span', { class: 'swatch signed' }), 'Signed, in progress'), el('span', {}, el('span', { class: 'swatch rest' }), 'Not signed')),
    el('div', { class: 'stats' },
      tile('Awaiting signature', progress.awaitingSignature, 'INVITED'),
      tile('Flagged for review', data.byState.IN_REVIEW || 0, 'IN_REVIEW'),
      tile('Awaiting countersignature', data.byState.VERIFIED || 0, 'VERIFIED'),
      tile('Delivered', progress.delivered, 'DELIVERED'),
      tile('Declined, expired, revoked, rejected or failed', progress.closedUnsigned)));

  const stateRows = CONFIG.states.filter((s) => data.byState[s.id]).map((s) => el('tr', {}, el('th', { scope: 'row' }, s.label), el('td', {}, data.byState[s.id])));
  const categoryRows = CONFIG.categories.map((c) => el('tr', {}, el('th', { scope: 'row' }, c.label), el('td', {}, data.byCategory[c.id] || 0)));
  const countryRows = Object.entries(data.byCountry).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([country, n]) => el('tr', {}, el('th', { scope: 'row' }, country), el('td', {}, n)));
  const table = (caption, heading, rows) => el('table', {}, el('caption', {}, caption), el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, heading), el('th', { scope: 'col' }, 'Commitments'))), el('tbody', {}, rows));
  const nobody = [el('tr', {}, el('td', { colspan: 2 }, 'Nobody invited yet.'))];
  clear($('breakdown')).append(
    table('By state', 'State', stateRows.length ? stateRows : nobody),
    table('By category', 'Category', categoryRows),
    table('By country', 'Country', countryRows.length ? countryRows : nobody));
  renderChart(data.signaturesOverTime);
  const countries = [...Object.keys(data.byCountry)].sort();
  const select = $('f-country');
  const chosen = select.value;
  clear(select).append(el('option', { value: '' }, 'Any'), countries.map((c) => el('option', { value: c }, c)));
  select.value = countries.includes(chosen) ? chosen : '';
  if ($('review-count')) $('review-count').textContent = String(data.byState.IN_REVIEW || 0);
  if ($('countersign-count')) $('countersign-count').textContent = String(data.byState.VERIFIED || 0);
}

/** Signatures over time: cumulative line over bars per hour or day, drawn as SVG here (no library). */
function renderChart(series) {
  const box = clear($('chart'));
  const points = series.points;
  if (!points.length) { box.append(el('p', { class: 'muted' }, 'No signature yet.')); return; }
  const width = 720, height = 220, left = 48, right = 16, top = 16, bottom = 36;
  const plotWidth = width - left - right, plotHeight = height - top - bottom;
  const max = Math.max(1, points[points.length - 1].cumulative);
  const step = plotWidth / points.length;
  const y = (value) => top + plotHeight - (value / max) * plotHeight;
  const unit = series.bucket === 'hour' ? 'hour' : 'day';
  const label = (start) => (series.bucket === 'hour' ? start.slice(5, 13).replace('T', ' ') + 'h' : start.slice(0, 10));
  const last = points[points.length - 1];
  const chart = svg('svg', { class: 'chart', viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-labelledby': 'chart-title chart-desc' },
    svg('title', { id: 'chart-title' }, 'Signatures over time'),
    svg('desc', { id: 'chart-desc' }, last.cumulative + ' signatures from ' + label(points[0].start) + ' to ' + label(last.start) + '; bars show each ' + unit + ', the line the running total.'),
    svg('line', { x1: left, y1: top + plotHeight, x2: width - right, y2: top + plotHeight, stroke: '#5c6670' }),
    svg('line', { x1: left, y1: top, x2: left, y2: top + plotHeight, stroke: '#5c6670' }),
    svg('text', { x: left - 6, y: top + 4, 'text-anchor': 'end', 'font-size': 12, fill: '#1b1b1b' }, String(max)),
    svg('text', { x: left - 6, y: top + plotHeight + 4, 'text-anchor': 'end', 'font-size': 12, fill: '#1b1b1b' }, '0'),
    svg('text', { x: left, y: height - 10, 'font-size': 12, fill: '#1b1b1b' }, label(points[0].start)),
    svg('text', { x: width - right, y: height - 10, 'text-anchor': 'end', 'font-size': 12, fill: '#1b1b1b' }, label(last.start)),
    points.map((p, i) => svg('rect', { x: left + i * step + step * 0.15, y: y(p.count), width: Math.max(1, step * 0.7), height: top + plotHeight - y(p.count), fill: '#9db4ea' })),
    svg('polyline', { fill: 'none', stroke: '#003399', 'stroke-width': 2.5, points: points.map((p, i) => (left + i * step + step / 2).toFixed(1) + ',' + y(p.cumulative).toFixed(1)).join(' ') }));
  box.append(chart, el('details', {}, el('summary', {}, 'Signatures per ' + unit + ' as a table'),
    el('table', {}, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, unit === 'hour' ? 'Hour (UTC)' : 'Day (UTC)'), el('th', { scope: 'col' }, 'Signatures'), el('th', { scope: 'col' }, 'Running total'))),
      el('tbody', {}, points.filter((p) => p.count > 0).map((p) => el('tr', {}, el('td', {}, label(p.start)), el('td', {}, p.count), el('td', {}, p.cumulative)))))));
}

function renderDeclarationActions() {
  const actions = clear($('declaration-actions'));
  actions.append(el('a', { class: 'button', href: '/console/audit?declarationId=' + encodeURIComponent(declarationId) }, 'Documents and audit trail'));
  if (!isAdmin) return;
  if (declaration.status === 'DRAFT') {
    actions.append(el('a', { class: 'button', href: '/console/declarations/' + encodeURIComponent(declarationId) + '/edit' }, 'Edit the draft'));
    const open = el('button', { type: 'button', class: 'primary', id: 'open-declaration' }, 'Open for signing');
    open.addEventListener('click', () => act(open, async () => {
      if (!(await ask('Open for signing?', 'Its text can no longer change once it is open, and organisations can be invited.', 'Open for signing'))) return;
      await api(base + '/opening', { method: 'POST' });
      say('The declaration is open for signing.');
      await refresh();
    }));
    actions.append(open);
  }
  if (declaration.status === 'OPEN') {
    const close = el('button', { type: 'button', class: 'danger', id: 'close-declaration' }, 'Close for signing');
    close.addEventListener('click', () => act(close, async () => {
      if (!(await ask('Close for signing?', 'Nobody more can be invited, and every invitation still awaiting a signature is revoked: its links stop working. Signatures already given go on to review, countersignature and sealing.', 'Close for signing'))) return;
      const result = await api(base + '/closing', { method: 'POST' });
      say('Closed. ' + plural(result.revoked, 'invitation') + ' still awaiting a signature revoked.');
      await refresh();
    }));
    actions.append(close);
  }
}

/* ---------- the list ---------- */

const COLUMNS = [['organisation', 'Organisation'], ['category', 'Category'], ['country', 'Country'], ['state', 'State'], ['invitedAt', 'Invited'], ['signedAt', 'Signed']];

function renderHead() {
  const row = clear($('list-head'));
  row.append(el('th', { scope: 'col' }, el('input', { type: 'checkbox', id: 'select-page', 'aria-label': 'Select every row on this page', onchange: (event) => document.querySelectorAll('#list-body input[type=checkbox]').forEach((box) => { box.checked = event.target.checked; }) })));
  for (const [key, label] of COLUMNS) {
    const sorted = listState.sort === key;
    const button = el('button', { type: 'button', class: 'sort' }, label + (sorted ? (listState.order === 'asc' ? ' ▲' : ' ▼') : ''));
    button.addEventListener('click', () => { listState.order = sorted && listState.order === 'asc' ? 'desc' : 'asc'; listState.sort = key; listState.page = 1; loadList().then(() => $('list-head').querySelector('[data-key=' + key + '] button').focus()); });
    row.append(el('th', { scope: 'col', 'data-key': key, 'aria-sort': sorted ? (listState.order === 'asc' ? 'ascending' : 'descending') : 'none' }, button));
  }
  row.append(el('th', { scope: 'col' }, 'Signer'), el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, 'Actions')));
}

function rowActions(row) {
  if (!isAdmin) return [];
  const buttons = [];
  if (row.state === 'INVITED' && declaration.status === 'OPEN') {
    const clickId = uuid();
    const remind = el('button', { type: 'button', class: 'small', 'aria-label': 'Remind ' + row.organisation + ' now' }, 'Remind now');
    remind.addEventListener('click', () => act(remind, async () => {
      const result = await api('/api/commitments/' + encodeURIComponent(row.id) + '/reminders', { method: 'POST', body: { clickId } });
      remind.replaceWith(el('span', { class: 'muted' }, result.result === 'sent' ? 'Reminder sent' : 'Already sent'));
      say(result.message);
    }));
    buttons.push(remind);
    if (CONFIG.features.resendLink) {
      const resend = el('button', { type: 'button', class: 'small', 'aria-label': 'Resend the link to ' + row.organisation }, 'Resend link');
      resend.addEventListener('click', () => act(resend, async () => {
        await api('/api/commitments/' + encodeURIComponent(row.id) + '/resend', { method: 'POST', body: {} });
        resend.replaceWith(el('span', { class: 'muted' }, 'Link resent'));
        say('A fresh link was sent to ' + row.email + '.');
      }));
      buttons.push(resend);
    }
  }
  if (['INVITED', 'SIGNED', 'IN_REVIEW', 'VERIFIED'].includes(row.state)) {
    const revoke = el('button', { type: 'button', class: 'small danger', 'aria-label': 'Revoke the invitation of ' + row.organisation }, 'Revoke');
    revoke.addEventListener('click', () => act(revoke, async () => {
      const reason = await ask('Revoke the invitation of ' + row.organisation + '?', 'Its links stop working at once and it cannot sign any more.', 'Revoke', 'Reason (recorded in the audit trail)');
      if (!reason) return;
      await api('/api/commitments/' + encodeURIComponent(row.id) + '/revocation', { method: 'POST', body: { reason } });
      say(row.organisation + ': revoked.');
      await refresh();
    }));
    buttons.push(revoke);
  }
  return buttons;
}

async function loadList() {
  const data = await api(base + '?' + query(listState));
  renderSummary(data);
  renderHead();
  const body = clear($('list-body'));
  for (const row of data.commitments) {
    body.append(el('tr', {},
      el('td', {}, el('input', { type: 'checkbox', value: row.id, 'data-state': row.state, 'aria-label': 'Select ' + row.organisation })),
      el('td', {}, el('a', { href: '/console/commitments/' + encodeURIComponent(row.id) }, row.organisation), el('div', { class: 'muted' }, row.email)),
      el('td', {}, CATEGORY_LABELS[row.category] || row.category),
      el('td', {}, row.country),
      el('td', {}, stateBadge(row.state)),
      el('td', {}, fmtDate(row.invitedAt)),
      el('td', {}, fmtDate(row.signedAt)),
      el('td', {}, row.signer || ''),
      el('td', {}, rowActions(row))));
  }
  if (!data.commitments.length) body.append(el('tr', {}, el('td', { colspan: 9 }, data.total ? 'No commitment matches these filters.' : 'Nobody is invited yet.')));
  const list = data.list;
  $('list-count').textContent = plural(list.matching, 'commitment') + ' match' + (list.matching === 1 ? 'es' : '') + ' (of ' + data.total.toLocaleString('en') + ').';
  $('page-info').textContent = 'Page ' + list.page + ' of ' + list.pages;
  $('prev').disabled = list.page <= 1;
  $('next').disabled = list.page >= list.pages;
  listState.page = list.page;
  return data;
}

function filterByState(state) {
  $('f-state').value = state;
  listState.state = state;
  listState.page = 1;
  selectTab('list');
  loadList().then(() => $('list-count').focus());
}

function readFilters() {
  listState.state = $('f-state').value;
  listState.category = $('f-category').value;
  listState.country = $('f-country').value;
  listState.q = $('f-q').value.trim();
  listState.pageSize = Number($('f-size').value);
  listState.page = 1;
}

async function exportCsv(button) {
  await act(button, async () => {
    const { page, pageSize, ...filters } = listState;
    const response = await api(base + '/commitments.csv?' + query(filters), { raw: true });
    download(await response.blob(), 'commitments-' + declarationId + '.csv');
    say('The list was exported as CSV.');
  });
}

function selectedIds(state) {
  return [...document.querySelectorAll('#list-body input[type=checkbox]:checked')].filter((box) => !state || box.dataset.state === state).map((box) => box.value);
}

/** A table of what a bulk action did, one row per commitment. */
function resultTable(caption, results, names) {
  return el('table', {}, el('caption', {}, caption),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Organisation'), el('th', { scope: 'col' }, 'Result'), el('th', { scope: 'col' }, 'Details'))),
    el('tbody', {}, results.map((r) => el('tr', { 'data-result': r.result }, el('td', {}, names[r.commitmentId] || r.commitmentId), el('td', {}, r.result), el('td', {}, r.message)))));
}

let bulkRemindClick = uuid();
async function remindSelected(button) {
  const ids = selectedIds('INVITED');
  if (!ids.length) { say('Select organisations awaiting a signature first.'); return; }
  await act(button, async () => {
    const result = await api(base + '/reminders', { method: 'POST', body: { commitmentIds: ids, clickId: bulkRemindClick } });
    bulkRemindClick = uuid();
    const names = Object.fromEntries([...document.querySelectorAll('#list-body tr')].map((tr) => { const box = tr.querySelector('input'); return box ? [box.value, tr.children[1].firstChild.textContent] : ['', '']; }));
    clear($('list-results')).append(resultTable('Reminders: ' + result.sent + ' sent', result.results, names));
    say(plural(result.sent, 'reminder') + ' sent.');
  });
}

/* ---------- review queue ---------- */

async function loadReview() {
  const data = await api(base + '?' + query({ state: 'IN_REVIEW', sort: 'signedAt', order: 'asc', pageSize: 100 }));
  const box = clear($('review-queue'));
  if (!data.commitments.length) { box.append(el('p', { class: 'muted' }, 'Nothing waits for review.')); return; }
  box.append(el('p', {}, plural(data.list.matching, 'commitment') + ' flagged by the automatic checks' + (data.list.matching > 100 ? '; the oldest 100 are shown.' : '.')));
  for (const row of data.commitments) {
    const reasonId = 'reason-' + row.id;
    const reason = el('textarea', { id: reasonId, rows: 2, maxlength: 2000 });
    const outcome = el('p', { 'aria-live': 'polite' });
    const decide = (decision, button) => act(button, async () => {
      if (!reason.value.trim()) { outcome.textContent = 'Write the reason for your decision first.'; reason.focus(); return; }
      const result = await api('/api/commitments/' + encodeURIComponent(row.id) + '/review', { method: 'POST', body: { decision, reason: reason.value } });
      item.replaceChildren(el('p', {}, el('strong', {}, row.organisation), ': ' + (result.state === 'VERIFIED' ? 'approved; it now awaits countersignature.' : 'rejected.')));
      say(row.organisation + ': ' + (decision === 'approve' ? 'approved' : 'rejected') + '.');
    });
    const approve = el('button', { type: 'button', class: 'primary' }, 'Approve');
    const reject = el('button', { type: 'button', class: 'danger' }, 'Reject');
    approve.addEventListener('click', () => decide('approve', approve));
    reject.addEventListener('click', () => decide('reject', reject));
    const item = el('article', { class: 'queue-item', 'aria-label': row.organisation },
      el('h3', {}, el('a', { href: '/console/commitments/' + encodeURIComponent(row.id) }, row.organisation)),
      el('p', { class: 'muted' }, CATEGORY_LABELS[row.category] + ' · ' + row.country + ' · signed by ' + (row.signer || '?') + ' (' + row.email + ') on ' + fmtDate(row.signedAt)),
      el('p', {}, 'Why it was flagged:'), el('ul', {}, (row.flagged || []).map((reasonText) => el('li', {}, reasonText))),
      el('label', { for: reasonId }, 'Reason for your decision (recorded in the audit trail)'), reason, approve, reject, outcome);
    box.append(item);
  }
}

/* ---------- countersignature queue ---------- */

async function loadCountersign() {
  const data = await api(base + '?' + query({ state: 'VERIFIED', sort: 'signedAt', order: 'asc', pageSize: 1000 }));
  const body = clear($('countersign-body'));
  for (const row of data.commitments) {
    body.append(el('tr', {},
      el('td', {}, el('input', { type: 'checkbox', value: row.id, 'data-name': row.organisation, 'aria-label': 'Select ' + row.organisation })),
      el('td', {}, el('a', { href: '/console/commitments/' + encodeURIComponent(row.id) }, row.organisation)),
      el('td', {}, CATEGORY_LABELS[row.category]), el('td', {}, row.country), el('td', {}, row.signer || ''), el('td', {}, fmtDate(row.signedAt))));
  }
  countersignQueue = data.list.matching;
  renderCountersignSummary();
}

let countersignQueue = 0;
function renderCountersignSummary() {
  const total = countersignQueue;
  const listed = document.querySelectorAll('#countersign-body tr').length;
  $('countersign-summary').textContent = total ? plural(total, 'verified commitment') + ' await countersignature' + (total > listed ? '; the oldest ' + listed + ' are listed.' : '.') : 'Nothing awaits countersignature.';
  $('countersign-all').textContent = 'Countersign all ' + total.toLocaleString('en') + ' verified';
  $('countersign-all').disabled = total === 0;
  $('countersign-table').hidden = total === 0;
  $('countersign-select-all').checked = false;
  updateCountersignSelection();
}

function updateCountersignSelection() {
  const n = document.querySelectorAll('#countersign-body input:checked').length;
  $('countersign-selected').textContent = 'Countersign the ' + plural(n, 'selected');
  $('countersign-selected').disabled = n === 0;
}

async function countersign(selection, button, what) {
  await act(button, async () => {
    if (!(await ask('Countersign ' + what + '?', 'Each commitment is countersigned on behalf of the European Commission, then sealed and emailed to its signatory.', 'Countersign'))) return;
    const names = Object.fromEntries([...document.querySelectorAll('#countersign-body input')].map((box) => [box.value, box.dataset.name]));
    const result = await api(base + '/countersignatures', { method: 'POST', body: selection });
    clear($('countersign-results')).append(
      el('p', { class: 'ok', id: 'countersign-outcome', tabindex: -1 }, result.countersigned + ' countersigned, ' + result.alreadyCountersigned + ' already countersigned, ' + result.notReady + ' not ready, ' + result.notFound + ' not found.'),
      resultTable('What happened to each commitment', result.results, names));
    $('countersign-outcome').focus();
    say(plural(result.countersigned, 'commitment') + ' countersigned.');
    // The queue is read from an index that may lag a moment behind: take out what is done from the answer itself.
    const done = new Set(result.results.filter((r) => r.result === 'countersigned' || r.result === 'already-countersigned').map((r) => r.commitmentId));
    document.querySelectorAll('#countersign-body tr').forEach((tr) => { if (done.has(tr.querySelector('input').value)) tr.remove(); });
    countersignQueue = Math.max(0, countersignQueue - done.size);
    renderCountersignSummary();
    await loadList();
  });
}

/* ---------- inviting ---------- */

async function inviteOne(event) {
  event.preventDefault();
  const button = $('invite-submit');
  await act(button, async () => {
    const value = (id) => $(id).value;
    const invitation = {
      organisation: { name: value('i-name'), category: value('i-category'), country: value('i-country').trim().toUpperCase(), email: value('i-email'), contactName: value('i-contact'), emailDomains: value('i-domains').split(/[\s,;]+/).filter(Boolean) },
      language: value('i-language').trim().toLowerCase() || 'en',
    };
    const result = await api(base + '/invitations', { method: 'POST', body: { invitations: [invitation] } });
    const one = result.results[0];
    $('invite-outcome').textContent = one.status === 'invited' ? invitation.organisation.name + ' is invited; the invitation email is on its way.' : one.email + ' was already invited (' + (STATE_LABELS[one.state] || one.state) + '); nothing was sent.';
    if (one.status === 'invited') $('invite-form').reset();
    await loadList();
  });
}

let csvText = '';
let csvReport = null;
const IMPORT_SLICE = 500;

function problemsTable(report) {
  return el('table', { id: 'csv-problems' }, el('caption', {}, 'Rows with problems (' + report.problems.length + ')'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Line'), el('th', { scope: 'col' }, 'Organisation'), el('th', { scope: 'col' }, 'Email'), el('th', { scope: 'col' }, 'What to correct'))),
    el('tbody', {}, report.problems.map((p) => el('tr', {}, el('td', {}, p.line), el('td', {}, p.organisation || ''), el('td', {}, p.email || ''), el('td', {}, el('ul', {}, p.reasons.map((r) => el('li', {}, r))))))));
}

function renderCsvReport(report) {
  const box = clear($('csv-report'));
  if (report.fileErrors.length) {
    box.append(el('div', { class: 'alert', id: 'csv-file-errors' }, el('strong', {}, 'The file cannot be imported:'), el('ul', {}, report.fileErrors.map((e) => el('li', {}, e)))));
    return;
  }
  const clean = report.problems.length === 0;
  box.append(el('p', { class: clean ? 'ok' : 'alert', id: 'csv-summary', tabindex: -1 },
    plural(report.dataRows, 'row') + ': ' + report.validRows + ' valid, ' + report.problems.length + ' with problems, ' + report.alreadyInvited.length + ' already invited, ' + report.toInvite + ' to invite.'
    + (clean ? '' : ' Nothing is imported until the file is corrected, unless you choose to import only the good rows.')));
  if (!clean) box.append(problemsTable(report));
  if (report.alreadyInvited.length) {
    box.append(el('details', {}, el('summary', {}, 'Already invited, skipped (' + report.alreadyInvited.length + ')'),
      el('ul', {}, report.alreadyInvited.map((a) => el('li', {}, 'Line ' + a.line + ': ' + a.email)))));
  }
  if (report.toInvite > 0 && declaration.status === 'OPEN') {
    if (clean) box.append(el('button', { type: 'button', class: 'primary', id: 'csv-import', onclick: (event) => importCsv('import', event.currentTarget) }, 'Import ' + plural(report.toInvite, 'organisation')));
    else box.append(el('button', { type: 'button', id: 'csv-import-valid', onclick: (event) => importCsv('import-valid-rows', event.currentTarget) }, 'Import only the ' + report.toInvite + ' good rows'));
  } else if (report.toInvite > 0) {
    box.append(el('p', { class: 'muted' }, 'Open the declaration for signing to import.'));
  }
}

async function checkCsv(button) {
  await act(button, async () => {
    const file = $('csv-file').files[0];
    if (!file) { showProblem(new ApiError(400, 'Choose a CSV file first.')); $('csv-file').focus(); return; }
    csvText = await file.text();
    csvReport = await api(base + '/invitation-imports', { method: 'POST', body: { csv: csvText, mode: 'check' } });
    renderCsvReport(csvReport);
    ($('csv-summary') || $('csv-report')).focus();
    say('File checked.');
  });
}

/** Imports in slices of rows; the server checks the whole file every time, so nothing slips through. */
async function importCsv(mode, button) {
  await act(button, async () => {
    const progress = el('progress', { max: csvReport.dataRows, value: 0, id: 'csv-progress', 'aria-label': 'Import progress' });
    const note = el('p', { 'aria-live': 'polite' });
    $('csv-report').append(progress, note);
    let invited = 0, already = 0;
    for (let from = 1; from <= csvReport.dataRows; from += IMPORT_SLICE) {
      const to = Math.min(csvReport.dataRows, from + IMPORT_SLICE - 1);
      const report = await api(base + '/invitation-imports', { method: 'POST', body: { csv: csvText, mode, rows: { from, to } }, accept: [422] });
      if (report.refused) { renderCsvReport(report); throw new ApiError(422, report.refused); }
      invited += report.imported.invited;
      already += report.imported.alreadyInvited;
      progress.value = to;
      note.textContent = 'Rows ' + from + ' to ' + to + ' done.';
    }
    clear($('csv-report')).append(el('p', { class: 'ok', id: 'csv-done', tabindex: -1 }, 'Imported: ' + plural(invited, 'organisation') + ' invited' + (already ? ', ' + already + ' already invited' : '') + '.'));
    $('csv-done').focus();
    $('csv-file').value = '';
    say(plural(invited, 'organisation') + ' invited from the file.');
    await loadList();
  });
}

function csvTemplate() {
  const example = ['"Port of Piraeus Authority"', 'port_authority', 'GR', 'security@olp.example', '"Αθανάσιος Παπαδόπουλος"', 'el', 'olp.example'];
  download(new Blob(['\ufeff' + CONFIG.csvColumns.join(',') + '\r\n' + example.join(',') + '\r\n'], { type: 'text/csv' }), 'invitations-template.csv');
}

/* ---------- tabs ---------- */

const TABS = ['list', 'review', 'countersign', 'invite'];
function selectTab(name) {
  for (const tab of TABS) {
    const button = $('tab-' + tab);
    if (!button) continue;
    const selected = tab === name;
    button.setAttribute('aria-selected', String(selected));
    button.tabIndex = selected ? 0 : -1;
    if ($('panel-' + tab)) $('panel-' + tab).hidden = !selected;
  }
  if (name === 'review') loadReview().catch(showProblem);
  if (name === 'countersign') loadCountersign().catch(showProblem);
}
function setUpTabs() {
  const present = TABS.filter((tab) => $('tab-' + tab));
  present.forEach((tab, index) => {
    const button = $('tab-' + tab);
    button.addEventListener('click', () => selectTab(tab));
    button.addEventListener('keydown', (event) => {
      const move = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (!move) return;
      const next = present[(index + move + present.length) % present.length];
      selectTab(next);
      $('tab-' + next).focus();
    });
  });
}

async function refresh() {
  await loadList();
  if ($('panel-review') && !$('panel-review').hidden) await loadReview();
  if ($('panel-countersign') && !$('panel-countersign').hidden) await loadCountersign();
}

start(async (session) => {
  isAdmin = session.isAdmin;
  setUpTabs();
  $('filters').addEventListener('submit', (event) => { event.preventDefault(); readFilters(); loadList().catch(showProblem); });
  $('f-state').append(...CONFIG.states.map((s) => el('option', { value: s.id }, s.label)));
  $('f-category').append(...CONFIG.categories.map((c) => el('option', { value: c.id }, c.label)));
  $('prev').addEventListener('click', () => { listState.page -= 1; loadList().catch(showProblem); });
  $('next').addEventListener('click', () => { listState.page += 1; loadList().catch(showProblem); });
  $('export-csv').addEventListener('click', (event) => exportCsv(event.currentTarget));
  if (isAdmin) {
    $('remind-selected').addEventListener('click', (event) => remindSelected(event.currentTarget));
    $('countersign-body').addEventListener('change', updateCountersignSelection);
    $('countersign-select-all').addEventListener('change', (event) => { document.querySelectorAll('#countersign-body input').forEach((box) => { box.checked = event.target.checked; }); updateCountersignSelection(); });
    $('countersign-selected').addEventListener('click', (event) => {
      const ids = [...document.querySelectorAll('#countersign-body input:checked')].map((box) => box.value);
      countersign({ commitmentIds: ids }, event.currentTarget, 'the ' + plural(ids.length, 'selected commitment'));
    });
    $('countersign-all').addEventListener('click', (event) => countersign({ allVerified: true }, event.currentTarget, 'every verified commitment'));
    $('i-category').append(...CONFIG.categories.map((c) => el('option', { value: c.id }, c.label)));
    $('invite-form').addEventListener('submit', inviteOne);
    $('csv-check').addEventListener('click', (event) => checkCsv(event.currentTarget));
    $('csv-template').addEventListener('click', csvTemplate);
  }
  await loadList();
  const saved = new URLSearchParams(location.search).get('saved');
  if (saved) say(saved === 'opened' ? 'Created and open for signing.' : 'Saved as a draft.');
});
`;
