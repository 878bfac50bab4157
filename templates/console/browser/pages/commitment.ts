/** One commitment: its organisation, signature, checks, review, countersignature, seal, timeline, and what an admin can do. */
import type { Commitment, CommitmentDetail, DeclarationDashboard, ReminderAnswer } from '../api-types';
import { earlierRounds, invitationActions, linksValidity } from '../rounds';
import { act, api, ask, byId, CATEGORY_LABELS, type Child, clear, CONFIG, count, COUNTS, download, el, eventLabel, fmtDate, fmtTime, say, type Session, start, stateBadge, uuid } from '../core';

const commitmentId = CONFIG.page.commitmentId ?? '';
const path = `/api/commitments/${encodeURIComponent(commitmentId)}`;

/** A definition list of the pairs that have a value. */
function facts(pairs: readonly (readonly [string, Child])[]): HTMLDListElement {
  return el('dl', { class: 'facts' }, pairs.filter(([, value]) => value !== undefined && value !== null && value !== '').map(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]));
}
function section(title: string, ...content: Child[]): HTMLElement {
  return el('section', { class: 'panel' }, el('h2', {}, title), ...content);
}

function detailText(detail: Readonly<Record<string, unknown>> | undefined): string {
  if (!detail) return '';
  const shown = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(value) ? fmtTime(value) : typeof value === 'object' ? JSON.stringify(value) : String(value));
  return Object.entries(detail).filter(([key]) => key !== 'checks').map(([key, value]) => `${key}: ${shown(value)}`).join(' · ');
}

function actions(commitment: Commitment, session: Session): HTMLDivElement {
  const box = el('div', { id: 'actions' });
  if (commitment.state === 'SEALED' || commitment.state === 'DELIVERED') {
    const pdf = el('button', { type: 'button', class: 'primary', id: 'download-pdf' }, 'Download the sealed PDF');
    pdf.addEventListener('click', () => act(pdf, async () => {
      const response = await api(`/api/documents/${encodeURIComponent(commitmentId)}`, { raw: true });
      download(await response.blob(), `ports-alliance-commitment-${commitmentId}.pdf`);
      say(`Downloaded; its SHA-256 is ${response.headers.get('x-content-sha256')}.`);
    }));
    box.append(pdf);
  }
  if (!session.isAdmin) return box;
  const reload = () => render(session);
  if (commitment.state === 'INVITED') {
    const clickId = uuid();
    const remind = el('button', { type: 'button' }, 'Remind now');
    remind.addEventListener('click', () => act(remind, async () => {
      const result = await api<ReminderAnswer>(`${path}/reminders`, { method: 'POST', body: { clickId } });
      remind.replaceWith(el('span', { class: 'muted' }, result.result === 'sent' ? 'Reminder sent' : 'Already sent'));
      say(result.message);
      await reload();
    }));
    box.append(remind);
    if (CONFIG.features.resendLink) {
      const resend = el('button', { type: 'button' }, 'Resend the link');
      resend.addEventListener('click', () => act(resend, async () => {
        await api(`${path}/resend`, { method: 'POST', body: {} });
        say('A fresh link was sent.');
        await reload();
      }));
      box.append(resend);
    }
  }
  if (commitment.state === 'IN_REVIEW') {
    for (const [decision, label] of [['approve', 'Approve'], ['reject', 'Reject']] as const) {
      const button = el('button', { type: 'button', class: decision === 'approve' ? 'primary' : 'danger' }, label);
      button.addEventListener('click', () => act(button, async () => {
        const reason = await ask(`${label} this signature?`, decision === 'approve' ? 'It goes on to countersignature.' : 'It will not be countersigned.', label, 'Reason (recorded in the audit trail)');
        if (!reason) return;
        await api(`${path}/review`, { method: 'POST', body: { decision, reason } });
        say(decision === 'approve' ? 'Approved.' : 'Rejected.');
        await reload();
      }));
      box.append(button);
    }
  }
  if (commitment.state === 'VERIFIED') {
    const countersign = el('button', { type: 'button', class: 'primary' }, 'Countersign');
    countersign.addEventListener('click', () => act(countersign, async () => {
      if (!(await ask('Countersign?', 'On behalf of the European Commission; the certificate is then sealed and emailed.', 'Countersign'))) return;
      await api(`${path}/countersignature`, { method: 'POST' });
      say('Countersigned.');
      await reload();
    }));
    box.append(countersign);
  }
  box.append(...invitationActions(commitment, path, reload));
  if (['INVITED', 'SIGNED', 'IN_REVIEW', 'VERIFIED'].includes(commitment.state)) {
    const revoke = el('button', { type: 'button', class: 'danger' }, 'Revoke');
    revoke.addEventListener('click', () => act(revoke, async () => {
      const reason = await ask('Revoke this invitation?', 'Its links stop working at once and it cannot sign any more.', 'Revoke', 'Reason (recorded in the audit trail)');
      if (!reason) return;
      await api(`${path}/revocation`, { method: 'POST', body: { reason } });
      say('Revoked.');
      await reload();
    }));
    box.append(revoke);
  }
  return box;
}

/** The commitments the signatory accepted, each by its text in the declaration (its id when the declaration no longer has it). */
function acceptedCommitments(commitment: Commitment, declaration: DeclarationDashboard['declaration']): HTMLUListElement {
  const clauses = declaration.commitments[commitment.organisation.category] ?? [];
  return el('ul', { id: 'accepted-commitments' }, (commitment.signature?.acceptedCommitmentIds ?? []).map((id) => {
    const clause = clauses.find((candidate) => candidate.id === id);
    return el('li', {}, clause ? clause.text : id);
  }));
}

async function render(session: Session): Promise<void> {
  const { commitment, events } = await api<CommitmentDetail>(path);
  const { declaration } = await api<DeclarationDashboard>(`/api/declarations/${encodeURIComponent(commitment.declarationId)}?pageSize=1`);
  const o = commitment.organisation;
  document.title = `${o.name} · Ports Alliance signing console`;
  byId('back', HTMLAnchorElement).href = `/console/declarations/${encodeURIComponent(commitment.declarationId)}`;
  byId('title').textContent = o.name;
  clear(byId('state')).append(stateBadge(commitment.state));
  const content = clear(byId('content'));
  content.append(section('Organisation', facts([
    ['Category', CATEGORY_LABELS[o.category]], ['Country', o.country], ['Contact', o.contactName], ['Email', o.email], ['Language', commitment.language],
    ['Registered domains', (o.emailDomains ?? []).join(', ') || 'none'], ['Invited', fmtDate(commitment.invitedAt)], ...linksValidity(commitment), ['Commitment id', el('span', { class: 'mono' }, commitment.id)],
  ]), actions(commitment, session)));
  const earlier = earlierRounds(commitment);
  if (earlier) content.append(earlier);
  const s = commitment.signature;
  if (s) content.append(section('Signature', facts([['Signed by', `${s.signerName}, ${s.signerTitle}`], ['Signed', fmtDate(s.signedAt)], ['Language seen', s.language], [s.hashCovers ? 'SHA-256 of the text and commitments seen' : 'SHA-256 of the text seen', el('span', { class: 'mono' }, s.textSha256)], ['Commitments accepted', acceptedCommitments(commitment, declaration)]])));
  if (commitment.decline) content.append(section('Declined', facts([['Reason', commitment.decline.reason], ['When', fmtDate(commitment.decline.declinedAt)]])));
  const v = commitment.verification;
  if (v) content.append(section('Automatic checks', el('ul', {}, v.checks.map((check) => el('li', {}, el('span', { class: `badge ${check.passed ? 'good' : 'bad'}` }, check.passed ? 'passed' : 'failed'), ` ${check.detail}`)))));
  const r = commitment.review;
  if (r) content.append(section('Review', facts([['Decision', r.decision === 'APPROVED' ? 'Approved' : 'Rejected'], ['Reason', r.reason], ['By', r.reviewedBy], ['When', fmtDate(r.reviewedAt)]])));
  const c = commitment.countersignature;
  if (c) content.append(section('Countersignature', facts([['By', `${c.name} (${c.title})`], ['When', fmtDate(c.countersignedAt)]])));
  const d = commitment.document;
  if (d) content.append(section('Sealed certificate', facts([['SHA-256', el('span', { class: 'mono', id: 'document-sha256' }, d.sha256)], ['Size', count(d.size, COUNTS.byte)], ['Sealed', fmtDate(d.sealedAt)], ['Emailed', commitment.delivery ? fmtDate(commitment.delivery.deliveredAt) : 'not yet']])));
  if (commitment.revocation) content.append(section('Revoked', facts([['Reason', commitment.revocation.reason], ['By', commitment.revocation.by], ['When', fmtDate(commitment.revocation.revokedAt)]])));
  if (commitment.failure) content.append(section('Failure', facts([['Step', commitment.failure.stateAtFailure], ['Error', commitment.failure.error], ['Cause', commitment.failure.cause], ['When', fmtDate(commitment.failure.failedAt)]])));
  const ordered = [...events].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  content.append(section('Timeline (audit trail)', el('p', { class: 'muted' }, `${count(ordered.length, COUNTS.event)}, oldest first. Actors: operator (the signatory), workflow, or the admin's user id.`),
    el('ol', { class: 'timeline', id: 'timeline' }, ordered.map((event) => el('li', {},
      el('strong', {}, eventLabel(event.type)), ' · ', el('time', { datetime: event.at }, fmtTime(event.at)), ` · by ${event.actor}`,
      event.detail ? el('div', { class: 'muted' }, detailText(event.detail)) : null)))));
}

void start(render);
