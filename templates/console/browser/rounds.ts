/**
 * The commitment page's actions on its invitation: invite again (a new round), extend the links,
 * correct the contact; and the record of earlier rounds. The commitment page (pages/commitment.ts)
 * places them.
 */
import type { Commitment, ContactCorrectionAnswer, ExtensionAnswer, PastRound, ReinviteAnswer } from './api-types';
import { act, api, ask, type Child, el, fmtDate, say, stateBadge } from './core';
import { askFields, localInputValue } from './fields-dialog';

/** States from which the organisation may be invited again (functions/domain/rounds.ts). */
const REINVITABLE = ['EXPIRED', 'DECLINED', 'REVOKED', 'REJECTED'];

/** The buttons an admin has for this commitment's invitation, by state. */
export function invitationActions(commitment: Commitment, path: string, reload: () => Promise<void>): HTMLButtonElement[] {
  const buttons: HTMLButtonElement[] = [];
  const o = commitment.organisation;
  if (REINVITABLE.includes(commitment.state)) {
    const again = el('button', { type: 'button', class: 'primary', id: 'invite-again' }, 'Invite again');
    again.addEventListener('click', () => act(again, async () => {
      if (!(await ask(`Invite ${o.name} again?`, `A new invitation with a fresh link goes by email to ${o.contactName} <${o.email}>. This round stays on this page; its links no longer work.`, 'Invite again'))) return;
      const answer = await api<ReinviteAnswer>(`${path}/invitation`, { method: 'POST', body: {} });
      say(`Invited again (round ${answer.round}): the invitation email is on its way; its link works until ${fmtDate(answer.linksExpireAt)}.`);
      await reload();
    }));
    buttons.push(again);
  }
  if (commitment.state === 'INVITED') {
    const extend = el('button', { type: 'button', id: 'extend' }, 'Extend');
    extend.addEventListener('click', () => act(extend, async () => {
      const current = commitment.linksExpireAt === undefined ? undefined : new Date(commitment.linksExpireAt);
      const suggested = new Date(Math.max(Date.now(), current?.getTime() ?? 0) + 14 * 86_400_000);
      const values = await askFields('Extend the invitation?', `Every link already sent to ${o.email} keeps working until the time you choose, at the latest the declaration's deadline. Nothing is emailed.`
        + (current ? ` Its links now work until ${fmtDate(current.toISOString())}.` : ''), 'Extend', [
        { name: 'until', label: 'Links valid until', type: 'datetime-local', value: localInputValue(suggested), hint: 'In your time zone; at the latest the declaration\'s deadline.' },
      ]);
      if (!values) return;
      const until = new Date(values.until ?? '');
      if (Number.isNaN(until.getTime())) throw new Error('Enter a date and time.');
      const answer = await api<ExtensionAnswer>(`${path}/extension`, { method: 'POST', body: { until: until.toISOString() } });
      say(`Extended: its links work until ${fmtDate(answer.linksExpireAt)} (they worked until ${fmtDate(answer.previousExpiry)}).`);
      await reload();
    }));
    buttons.push(extend);
  }
  if (commitment.state !== 'DELIVERED') {
    const correct = el('button', { type: 'button', id: 'correct-contact' }, 'Correct contact');
    correct.addEventListener('click', () => act(correct, async () => {
      const values = await askFields('Correct the contact?', 'Every link and signing session sent before stops working at once. An invitation awaiting its signature gets a fresh link at the corrected address.', 'Correct', [
        { name: 'contactName', label: 'Contact name', type: 'text', value: o.contactName, attributes: { maxlength: '200', autocomplete: 'off' } },
        { name: 'email', label: 'Email address', type: 'email', value: o.email, attributes: { maxlength: '254', autocomplete: 'off' } },
        { name: 'language', label: 'Language', type: 'text', value: commitment.language, hint: 'Two letters, such as en, fr, de or el: the emails and signing pages use it.', attributes: { pattern: '[a-z]{2}', maxlength: '2', autocomplete: 'off' } },
      ]);
      if (!values) return;
      const answer = await api<ContactCorrectionAnswer>(`${path}/contact`, { method: 'POST', body: values });
      say(`Contact corrected. ${answer.link.message}`);
      await reload();
    }));
    buttons.push(correct);
  }
  return buttons;
}

/** When the current links stop working, once the record keeps it (extended, or a later round). */
export function linksValidity(commitment: Commitment): readonly (readonly [string, Child])[] {
  const rows: (readonly [string, Child])[] = [];
  if (commitment.round && commitment.round > 1) rows.push(['Round', String(commitment.round)]);
  if (commitment.state === 'INVITED' && commitment.linksExpireAt !== undefined) rows.push(['Links valid until', fmtDate(new Date(commitment.linksExpireAt).toISOString())]);
  if (commitment.extension) rows.push(['Extended', `${fmtDate(commitment.extension.extendedAt)} by ${commitment.extension.by}`]);
  return rows;
}

/** What each earlier round came to, newest first. */
export function earlierRounds(commitment: Commitment): HTMLElement | null {
  const rounds = [...(commitment.rounds ?? [])].reverse();
  if (rounds.length === 0) return null;
  return el('section', { class: 'panel', id: 'earlier-rounds', 'aria-labelledby': 'earlier-rounds-title' },
    el('h2', { id: 'earlier-rounds-title' }, 'Earlier rounds'),
    el('p', { class: 'muted' }, 'The organisation was invited again; what each earlier invitation came to. Their events are in the timeline below.'),
    rounds.map((round) => el('div', { class: 'round' }, el('h3', {}, `Round ${round.round} `, stateBadge(round.state)), roundFacts(round))));
}

function roundFacts(round: PastRound): HTMLDListElement {
  const pairs: (readonly [string, Child])[] = [
    ['Invited', `${fmtDate(round.invitedAt)} by ${round.invitedBy}`],
    ['Contact', `${round.contact.name} <${round.contact.email}>`],
    ['Ended', fmtDate(round.endedAt)],
  ];
  if (round.decline) pairs.push(['Declined', `${fmtDate(round.decline.declinedAt)}: ${round.decline.reason}`]);
  if (round.expiry) pairs.push(['Expired', `${fmtDate(round.expiry.expiredAt)} (waiting for its ${round.expiry.stage})`]);
  if (round.revocation) pairs.push(['Revoked', `${fmtDate(round.revocation.revokedAt)} by ${round.revocation.by}: ${round.revocation.reason}`]);
  if (round.signature) pairs.push(['Signed', `${fmtDate(round.signature.signedAt)} by ${round.signature.signerName}, ${round.signature.signerTitle}`]);
  if (round.review) pairs.push(['Review', `${round.review.decision === 'APPROVED' ? 'Approved' : 'Rejected'} ${fmtDate(round.review.reviewedAt)} by ${round.review.reviewedBy}: ${round.review.reason}`]);
  return el('dl', { class: 'facts' }, pairs.map(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]));
}
