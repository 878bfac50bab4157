/** One commitment: its organisation, signature, checks, review, countersignature, seal, timeline, and what an admin can do. */
import type { Commitment, CommitmentDetail, DeclarationDashboard, ReminderAnswer } from '../api-types';
import { resendLink } from '../resend-link';
import { earlierRounds, invitationActions, linksValidity } from '../rounds';
import { act, api, ask, byId, CATEGORY_LABELS, type Child, clear, CONFIG, count, COUNTS, download, el, eventLabel, fill, fmtDate, fmtTime, retitle, say, type Session, start, stateBadge, T, uuid } from '../core';

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
    const pdf = el('button', { type: 'button', class: 'primary', id: 'download-pdf' }, T.downloadPdf);
    pdf.addEventListener('click', () => act(pdf, async () => {
      const response = await api(`/api/documents/${encodeURIComponent(commitmentId)}`, { raw: true });
      download(await response.blob(), `ports-alliance-commitment-${commitmentId}.pdf`);
      say(fill(T.downloaded, { sha256: response.headers.get('x-content-sha256') ?? '' }));
    }));
    box.append(pdf);
  }
  if (!session.isAdmin) return box;
  const reload = () => render(session);
  if (commitment.state === 'INVITED') {
    const clickId = uuid();
    const remind = el('button', { type: 'button' }, T.remindNow);
    remind.addEventListener('click', () => act(remind, async () => {
      const result = await api<ReminderAnswer>(`${path}/reminders`, { method: 'POST', body: { clickId } });
      remind.replaceWith(el('span', { class: 'muted' }, result.result === 'sent' ? T.reminderSent : T.alreadySent));
      say(result.message);
      await reload();
    }));
    box.append(remind);
    if (CONFIG.features.resendLink) {
      const resend = el('button', { type: 'button' }, T.resendTheLink);
      resend.addEventListener('click', () => act(resend, async () => {
        await resendLink(commitmentId, commitment.resends ?? 0);
        say(T.freshLinkSent);
        await reload();
      }));
      box.append(resend);
    }
  }
  if (commitment.state === 'IN_REVIEW') {
    for (const [decision, label] of [['approve', T.approve], ['reject', T.reject]] as const) {
      const button = el('button', { type: 'button', class: decision === 'approve' ? 'primary' : 'danger' }, label);
      button.addEventListener('click', () => act(button, async () => {
        const reason = await ask(decision === 'approve' ? T.approveQuestion : T.rejectQuestion, decision === 'approve' ? T.approveEffect : T.rejectEffect, label, T.reasonRecorded);
        if (!reason) return;
        await api(`${path}/review`, { method: 'POST', body: { decision, reason } });
        say(decision === 'approve' ? T.approvedDone : T.rejectedDone);
        await reload();
      }));
      box.append(button);
    }
  }
  if (commitment.state === 'VERIFIED') {
    const countersign = el('button', { type: 'button', class: 'primary' }, T.countersign);
    countersign.addEventListener('click', () => act(countersign, async () => {
      if (!(await ask(T.countersignQuestion, T.countersignEffect, T.countersign))) return;
      await api(`${path}/countersignature`, { method: 'POST' });
      say(T.countersigned);
      await reload();
    }));
    box.append(countersign);
  }
  box.append(...invitationActions(commitment, path, reload));
  if (['INVITED', 'SIGNED', 'IN_REVIEW', 'VERIFIED'].includes(commitment.state)) {
    const revoke = el('button', { type: 'button', class: 'danger' }, T.revoke);
    revoke.addEventListener('click', () => act(revoke, async () => {
      const reason = await ask(T.revokeQuestion, T.revokeEffect, T.revoke, T.reasonRecorded);
      if (!reason) return;
      await api(`${path}/revocation`, { method: 'POST', body: { reason } });
      say(T.revokedDone);
      await reload();
    }));
    box.append(revoke);
  }
  return box;
}

/** How many times the link was resent: shown where it can be resent, and wherever it was; a resend from this page says it saw this count. */
function resendCount(commitment: Commitment): readonly (readonly [string, Child])[] {
  const resends = commitment.resends ?? 0;
  return commitment.state === 'INVITED' || resends > 0 ? [[T.linksResent, String(resends)]] : [];
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
  retitle(o.name);
  byId('back', HTMLAnchorElement).href = `/console/declarations/${encodeURIComponent(commitment.declarationId)}`;
  byId('title').textContent = o.name;
  clear(byId('state')).append(stateBadge(commitment.state));
  const content = clear(byId('content'));
  content.append(section(T.organisation, facts([
    [T.category, CATEGORY_LABELS[o.category]], [T.country, o.country], [T.contact, o.contactName], [T.email, o.email], [T.language, commitment.language],
    [T.registeredDomains, (o.emailDomains ?? []).join(', ') || T.none], [T.invited, fmtDate(commitment.invitedAt)], ...linksValidity(commitment), ...resendCount(commitment), [T.commitmentId, el('span', { class: 'mono' }, commitment.id)],
  ]), actions(commitment, session)));
  const earlier = earlierRounds(commitment);
  if (earlier) content.append(earlier);
  const s = commitment.signature;
  if (s) content.append(section(T.signature, facts([[T.signedByLabel, `${s.signerName}, ${s.signerTitle}`], [T.signed, fmtDate(s.signedAt)], [T.languageSeen, s.language], [s.hashCovers ? T.textAndCommitmentsSha256 : T.textSha256, el('span', { class: 'mono' }, s.textSha256)], [T.commitmentsAccepted, acceptedCommitments(commitment, declaration)]])));
  if (commitment.decline) content.append(section(T.declined, facts([[T.reason, commitment.decline.reason], [T.when, fmtDate(commitment.decline.declinedAt)]])));
  const v = commitment.verification;
  if (v) content.append(section(T.automaticChecks, el('ul', {}, v.checks.map((check) => el('li', {}, el('span', { class: `badge ${check.passed ? 'good' : 'bad'}` }, check.passed ? T.passed : T.failed), ` ${check.detail}`)))));
  const r = commitment.review;
  if (r) content.append(section(T.review, facts([[T.decision, r.decision === 'APPROVED' ? T.approved : T.rejected], [T.reason, r.reason], [T.by, r.reviewedBy], [T.when, fmtDate(r.reviewedAt)]])));
  const c = commitment.countersignature;
  if (c) content.append(section(T.countersignature, facts([[T.by, `${c.name} (${c.title})`], [T.when, fmtDate(c.countersignedAt)]])));
  const d = commitment.document;
  if (d) content.append(section(T.sealedCertificate, facts([['SHA-256', el('span', { class: 'mono', id: 'document-sha256' }, d.sha256)], [T.size, count(d.size, COUNTS.byte)], [T.sealed, fmtDate(d.sealedAt)], [T.emailed, commitment.delivery ? fmtDate(commitment.delivery.deliveredAt) : T.notYet]])));
  if (commitment.revocation) content.append(section(T.revoked, facts([[T.reason, commitment.revocation.reason], [T.by, commitment.revocation.by], [T.when, fmtDate(commitment.revocation.revokedAt)]])));
  if (commitment.failure) content.append(section(T.failure, facts([[T.step, commitment.failure.stateAtFailure], [T.error, commitment.failure.error], [T.cause, commitment.failure.cause], [T.when, fmtDate(commitment.failure.failedAt)]])));
  const ordered = [...events].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  content.append(section(T.timeline, el('p', { class: 'muted' }, fill(T.timelineIntro, { events: count(ordered.length, COUNTS.event) })),
    el('ol', { class: 'timeline', id: 'timeline' }, ordered.map((event) => el('li', {},
      el('strong', {}, eventLabel(event.type)), ' · ', el('time', { datetime: event.at }, fmtTime(event.at)), fill(T.byActor, { actor: event.actor }),
      event.detail ? el('div', { class: 'muted' }, detailText(event.detail)) : null)))));
}

void start(render);
