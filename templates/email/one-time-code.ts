import { html } from '../html';
import { formatTime, messagesFor } from '../i18n';
import { emailLayout, textFooter, type RenderedEmail } from './layout';

export interface OneTimeCodeEmailInput {
  readonly language: string;
  readonly contactName: string;
  readonly code: string;
  readonly expiresAt: Date;
  readonly contactAddress: string;
}

/** The 6-digit code, on a line of its own; the subject does not carry it (lock screens show subjects). */
export function oneTimeCodeEmail(input: OneTimeCodeEmailInput): RenderedEmail {
  const m = messagesFor(input.language);
  const subject = m.email.codeSubject;
  const validity = m.email.codeValidity(formatTime(input.expiresAt, input.language));
  const body = html`
<p>${m.email.greeting(input.contactName)}</p>
<p>${m.email.codeLead}</p>
<p style="font-size:28px;font-family:monospace;letter-spacing:6px;margin:16px 0"><strong>${input.code}</strong></p>
<p>${validity}</p>
<p>${m.email.codeNotYou}</p>`;
  const text = [m.email.greeting(input.contactName), m.email.codeLead, input.code, validity, m.email.codeNotYou].join('\n\n') + textFooter(m, input.contactAddress);
  return { subject, text, html: emailLayout({ title: subject, language: input.language, purpose: 'one-time-code', messages: m, contactAddress: input.contactAddress }, body) };
}
