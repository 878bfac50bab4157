import { html } from '../html';
import { messagesFor } from '../i18n';
import { emailLayout, textFooter, type RenderedEmail } from './layout';

export interface DeliveryEmailInput {
  readonly language: string;
  readonly contactName: string;
  readonly organisationName: string;
  readonly declarationTitle: string;
  readonly documentSha256: string;
  readonly verificationUrl: string;
  readonly contactAddress: string;
}

/** Sent with the sealed PDF attached. */
export function deliveryEmail(input: DeliveryEmailInput): RenderedEmail {
  const m = messagesFor(input.language);
  const subject = m.email.deliverySubject(input.declarationTitle);
  const body = html`
<h1 style="font-size:20px;margin:0 0 16px">${input.declarationTitle}</h1>
<p>${m.email.greeting(input.contactName)}</p>
<p>${m.email.deliveryLead(input.organisationName)}</p>
<p>${m.email.deliveryFingerprint} <code style="word-break:break-all">${input.documentSha256}</code></p>
<p>${m.email.deliveryVerify} ${input.verificationUrl}</p>`;
  const text = [
    m.email.greeting(input.contactName),
    m.email.deliveryLead(input.organisationName),
    `${m.email.deliveryFingerprint} ${input.documentSha256}`,
    `${m.email.deliveryVerify} ${input.verificationUrl}`,
  ].join('\n\n') + textFooter(m, input.contactAddress);
  return { subject, text, html: emailLayout({ title: subject, language: input.language, purpose: 'delivery', messages: m, contactAddress: input.contactAddress }, body) };
}
