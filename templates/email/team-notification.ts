import { html, type SafeHtml } from '../html';
import { messagesFor } from '../i18n';
import { emailLayout, textFooter, type RenderedEmail } from './layout';

/**
 * The emails the Commission team receives about a declaration it runs. Commission staff read
 * English, so these are written in English only; each links to the console page that needs them.
 */

export type TeamEventNotice =
  | { readonly kind: 'review'; readonly checks: readonly string[] }
  | { readonly kind: 'failure'; readonly step: string }
  | { readonly kind: 'undeliverable'; readonly problem: 'BOUNCE' | 'COMPLAINT' | 'REJECT' | 'DELIVERY_DELAY'; readonly detail: string; readonly address: string }
  | { readonly kind: 'declined'; readonly reason: string };

export interface TeamEventEmailInput {
  readonly declarationTitle: string;
  readonly organisationName: string;
  readonly country: string;
  readonly notice: TeamEventNotice;
  /** The console page of the commitment. */
  readonly consoleUrl: string;
  readonly contactAddress: string;
}

const PROBLEM_WORDS: Readonly<Record<'BOUNCE' | 'COMPLAINT' | 'REJECT' | 'DELIVERY_DELAY', string>> = {
  BOUNCE: 'bounced',
  COMPLAINT: 'was reported as spam',
  REJECT: 'was rejected by SES',
  DELIVERY_DELAY: 'is delayed',
};

function eventWording(input: TeamEventEmailInput): { subject: string; lead: string; lines: string[]; action: string } {
  const who = `${input.organisationName} (${input.country})`;
  const { notice } = input;
  switch (notice.kind) {
    case 'review':
      return {
        subject: `Review needed: ${input.organisationName}'s signature was flagged`,
        lead: `The automatic checks flagged the signature of ${who} on "${input.declarationTitle}". It waits for your review before it can be countersigned.`,
        lines: notice.checks.map((check) => `Failed check: ${check}`),
        action: 'Review the signature',
      };
    case 'failure':
      return {
        subject: `A commitment failed: ${input.organisationName}`,
        lead: `The commitment of ${who} to "${input.declarationTitle}" stopped at a failed step and needs an admin.`,
        lines: [`Failed step: ${notice.step}`],
        action: 'Open the commitment',
      };
    case 'undeliverable':
      return {
        subject: `Undeliverable contact: ${input.organisationName}`,
        lead: `Mail to the contact of ${who} for "${input.declarationTitle}" ${PROBLEM_WORDS[notice.problem]}. Correct the address so that a fresh link reaches them.`,
        lines: [`Address: ${notice.address}`, `What the mail server said: ${notice.detail}`],
        action: 'Correct the contact',
      };
    case 'declined':
      return {
        subject: `Declined: ${input.organisationName}`,
        lead: `${who} declined to sign "${input.declarationTitle}".`,
        lines: [`Their reason: ${notice.reason}`],
        action: 'Open the commitment',
      };
  }
}

/** One event that needs the team: a flagged signature, a failed commitment, an undeliverable contact, a decline. */
export function teamEventEmail(input: TeamEventEmailInput): RenderedEmail {
  const m = messagesFor('en');
  const wording = eventWording(input);
  const body = html`
<h1 style="font-size:20px;margin:0 0 16px">${wording.subject}</h1>
<p>${wording.lead}</p>
${wording.lines.map((line) => html`<p style="white-space:pre-wrap">${line}</p>`)}
<p><a href="${input.consoleUrl}">${wording.action}</a>: ${input.consoleUrl}</p>`;
  const text = [wording.lead, ...wording.lines, `${wording.action}: ${input.consoleUrl}`].join('\n\n') + textFooter(m, input.contactAddress);
  return { subject: wording.subject, text, html: emailLayout({ title: wording.subject, language: 'en', purpose: 'team-notification', messages: m, contactAddress: input.contactAddress }, body) };
}

export interface DigestEmailInput {
  readonly declarationTitle: string;
  readonly day: string;
  readonly since: string;
  readonly total: number;
  readonly byState: readonly { readonly state: string; readonly count: number }[];
  readonly waiting: { readonly reviews: number; readonly countersignatures: number; readonly undeliverable: number };
  readonly changes: readonly { readonly type: string; readonly count: number }[];
  /** The console page of the declaration. */
  readonly consoleUrl: string;
  readonly contactAddress: string;
}

const STATE_WORDS: Readonly<Record<string, string>> = {
  INVITED: 'Awaiting signature',
  SIGNED: 'Signed, being checked',
  DECLINED: 'Declined',
  EXPIRED: 'Expired',
  REVOKED: 'Revoked',
  IN_REVIEW: 'Waiting for review',
  REJECTED: 'Rejected',
  VERIFIED: 'Waiting for countersignature',
  COUNTERSIGNED: 'Countersigned, being sealed',
  SEALED: 'Sealed, being delivered',
  DELIVERED: 'Delivered',
  FAILED: 'Failed',
};

/** Audit event types as a person reads them; an unknown type shows as it is. */
const CHANGE_WORDS: Readonly<Record<string, string>> = {
  INVITED: 'invited',
  INVITATION_SENT: 'invitations sent',
  REMINDER_SENT: 'reminders sent',
  LINK_RESENT: 'links resent',
  SIGNED: 'signed',
  DECLINED: 'declined',
  VERIFIED: 'verified automatically',
  FLAGGED_FOR_REVIEW: 'flagged for review',
  REVIEW_APPROVED: 'approved in review',
  REVIEW_REJECTED: 'rejected in review',
  COUNTERSIGNED: 'countersigned',
  SEALED: 'sealed',
  DELIVERED: 'delivered',
  EXPIRED: 'expired',
  REVOKED: 'revoked',
  FAILED: 'failed',
  MAIL_BOUNCED: 'emails bounced',
  MAIL_COMPLAINED: 'emails reported as spam',
  MAIL_REJECTED: 'emails rejected',
  MAIL_DELAYED: 'emails delayed',
  CONTACT_CORRECTED: 'contacts corrected',
};

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The daily digest of an open declaration. */
export function digestEmail(input: DigestEmailInput): RenderedEmail {
  const m = messagesFor('en');
  const subject = `Daily digest ${input.day}: ${input.declarationTitle}`;
  const waitingLines = [
    plural(input.waiting.reviews, 'signature waits for review', 'signatures wait for review'),
    plural(input.waiting.countersignatures, 'commitment waits for countersignature', 'commitments wait for countersignature'),
    plural(input.waiting.undeliverable, 'contact is undeliverable', 'contacts are undeliverable'),
  ];
  const stateRows = input.byState.filter((row) => row.count > 0);
  const changeLines = input.changes.map((change) => `${change.count} ${CHANGE_WORDS[change.type] ?? change.type}`);
  const sinceText = `Since ${input.since.replace('T', ' ').slice(0, 16)} UTC`;
  const table = (rows: readonly { state: string; count: number }[]): SafeHtml => html`<table style="border-collapse:collapse">
<caption style="text-align:left;font-weight:bold;padding:4px 0">Commitments by state (${input.total} in all)</caption>
${rows.map((row) => html`<tr><th scope="row" style="text-align:left;padding:2px 16px 2px 0;font-weight:normal">${STATE_WORDS[row.state] ?? row.state}</th><td style="text-align:right">${row.count}</td></tr>`)}
</table>`;
  const body = html`
<h1 style="font-size:20px;margin:0 0 16px">${input.declarationTitle}</h1>
<h2 style="font-size:16px">What waits for you</h2>
<ul>${waitingLines.map((line) => html`<li>${line}</li>`)}</ul>
<h2 style="font-size:16px">What changed</h2>
<p>${sinceText}: ${changeLines.length === 0 ? 'nothing.' : ''}</p>
${changeLines.length > 0 ? html`<ul>${changeLines.map((line) => html`<li>${line}</li>`)}</ul>` : ''}
${table(stateRows)}
<p><a href="${input.consoleUrl}">Open the declaration</a>: ${input.consoleUrl}</p>`;
  const text = [
    input.declarationTitle,
    `What waits for you:\n${waitingLines.map((line) => `- ${line}`).join('\n')}`,
    `What changed. ${sinceText}:${changeLines.length === 0 ? ' nothing.' : `\n${changeLines.map((line) => `- ${line}`).join('\n')}`}`,
    `Commitments by state (${input.total} in all):\n${stateRows.map((row) => `- ${STATE_WORDS[row.state] ?? row.state}: ${row.count}`).join('\n')}`,
    `Open the declaration: ${input.consoleUrl}`,
  ].join('\n\n') + textFooter(m, input.contactAddress);
  return { subject, text, html: emailLayout({ title: subject, language: 'en', purpose: 'daily-digest', messages: m, contactAddress: input.contactAddress }, body) };
}
