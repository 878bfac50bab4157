/**
 * The commitment page's actions on its invitation: invite again (a new round), extend the links,
 * correct the contact; and the record of earlier rounds. The commitment page (pages/commitment.ts)
 * places them.
 */
import type { Commitment, ContactCorrectionAnswer, ExtensionAnswer, PastRound, ReinviteAnswer } from './api-types';
import { act, api, ask, type Child, el, fill, fmtDate, say, stateBadge, T } from './core';
import { askFields, localInputValue } from './fields-dialog';

/** States from which the organisation may be invited again (functions/domain/rounds.ts). */
const REINVITABLE = ['EXPIRED', 'DECLINED', 'REVOKED', 'REJECTED'];

/** The buttons an admin has for this commitment's invitation, by state. */
export function invitationActions(commitment: Commitment, path: string, reload: () => Promise<void>): HTMLButtonElement[] {
  const buttons: HTMLButtonElement[] = [];
  const o = commitment.organisation;
  if (REINVITABLE.includes(commitment.state)) {
    const again = el('button', { type: 'button', class: 'primary', id: 'invite-again' }, T.inviteAgain);
    again.addEventListener('click', () => act(again, async () => {
      if (!(await ask(fill(T.inviteAgainQuestion, { organisation: o.name }), fill(T.inviteAgainIntro, { contact: o.contactName, email: o.email }), T.inviteAgain))) return;
      const answer = await api<ReinviteAnswer>(`${path}/invitation`, { method: 'POST', body: {} });
      say(fill(T.invitedAgain, { round: answer.round, date: fmtDate(answer.linksExpireAt) }));
      await reload();
    }));
    buttons.push(again);
  }
  if (commitment.state === 'INVITED') {
    const extend = el('button', { type: 'button', id: 'extend' }, T.extend);
    extend.addEventListener('click', () => act(extend, async () => {
      const current = commitment.linksExpireAt === undefined ? undefined : new Date(commitment.linksExpireAt);
      const suggested = new Date(Math.max(Date.now(), current?.getTime() ?? 0) + 14 * 86_400_000);
      const values = await askFields(T.extendQuestion, fill(T.extendIntro, { email: o.email })
        + (current ? fill(T.extendCurrent, { date: fmtDate(current.toISOString()) }) : ''), T.extend, [
        { name: 'until', label: T.linksValidUntil, type: 'datetime-local', value: localInputValue(suggested), hint: T.extendHint },
      ]);
      if (!values) return;
      const until = new Date(values.until ?? '');
      if (Number.isNaN(until.getTime())) throw new Error(T.enterDateTime);
      const answer = await api<ExtensionAnswer>(`${path}/extension`, { method: 'POST', body: { until: until.toISOString() } });
      say(fill(T.extended, { date: fmtDate(answer.linksExpireAt), previous: fmtDate(answer.previousExpiry) }));
      await reload();
    }));
    buttons.push(extend);
  }
  if (commitment.state !== 'DELIVERED') {
    const correct = el('button', { type: 'button', id: 'correct-contact' }, T.correctContact);
    correct.addEventListener('click', () => act(correct, async () => {
      const values = await askFields(T.correctContactQuestion, T.correctContactIntro, T.correct, [
        { name: 'contactName', label: T.contactName, type: 'text', value: o.contactName, attributes: { maxlength: '200', autocomplete: 'off' } },
        { name: 'email', label: T.emailAddress, type: 'email', value: o.email, attributes: { maxlength: '254', autocomplete: 'off' } },
        { name: 'language', label: T.language, type: 'text', value: commitment.language, hint: T.languageHint, attributes: { pattern: '[a-z]{2}', maxlength: '2', autocomplete: 'off' } },
      ]);
      if (!values) return;
      const answer = await api<ContactCorrectionAnswer>(`${path}/contact`, { method: 'POST', body: values });
      say(fill(T.contactCorrected, { message: answer.link.message }));
      await reload();
    }));
    buttons.push(correct);
  }
  return buttons;
}

/** When the current links stop working, once the record keeps it (extended, or a later round). */
export function linksValidity(commitment: Commitment): readonly (readonly [string, Child])[] {
  const rows: (readonly [string, Child])[] = [];
  if (commitment.round && commitment.round > 1) rows.push([T.round, String(commitment.round)]);
  if (commitment.state === 'INVITED' && commitment.linksExpireAt !== undefined) rows.push([T.linksValidUntil, fmtDate(new Date(commitment.linksExpireAt).toISOString())]);
  if (commitment.extension) rows.push([T.extendedLabel, fill(T.extendedBy, { date: fmtDate(commitment.extension.extendedAt), by: commitment.extension.by })]);
  return rows;
}

/** What each earlier round came to, newest first. */
export function earlierRounds(commitment: Commitment): HTMLElement | null {
  const rounds = [...(commitment.rounds ?? [])].reverse();
  if (rounds.length === 0) return null;
  return el('section', { class: 'panel', id: 'earlier-rounds', 'aria-labelledby': 'earlier-rounds-title' },
    el('h2', { id: 'earlier-rounds-title' }, T.earlierRounds),
    el('p', { class: 'muted' }, T.earlierRoundsIntro),
    rounds.map((round) => el('div', { class: 'round' }, el('h3', {}, `${fill(T.roundNumber, { round: round.round })} `, stateBadge(round.state)), roundFacts(round))));
}

function roundFacts(round: PastRound): HTMLDListElement {
  const pairs: (readonly [string, Child])[] = [
    [T.invited, fill(T.extendedBy, { date: fmtDate(round.invitedAt), by: round.invitedBy })],
    [T.contact, `${round.contact.name} <${round.contact.email}>`],
    [T.ended, fmtDate(round.endedAt)],
  ];
  if (round.decline) pairs.push([T.declined, `${fmtDate(round.decline.declinedAt)}: ${round.decline.reason}`]);
  if (round.expiry) pairs.push([T.expired, fill(T.expiredWaiting, { date: fmtDate(round.expiry.expiredAt), stage: round.expiry.stage })]);
  if (round.revocation) pairs.push([T.revoked, `${fill(T.extendedBy, { date: fmtDate(round.revocation.revokedAt), by: round.revocation.by })}: ${round.revocation.reason}`]);
  if (round.signature) pairs.push([T.signed, fill(T.signedBy, { date: fmtDate(round.signature.signedAt), name: round.signature.signerName, title: round.signature.signerTitle })]);
  if (round.review) pairs.push([T.review, fill(T.reviewOutcome, { decision: round.review.decision === 'APPROVED' ? T.approved : T.rejected, date: fmtDate(round.review.reviewedAt), by: round.review.reviewedBy, reason: round.review.reason })]);
  return el('dl', { class: 'facts' }, pairs.map(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]));
}
