import { html } from '../html';
import { formatDateTime, languageName, messagesFor } from '../i18n';
import { emailLayout, textFooter, type RenderedEmail } from './layout';

export interface SignatureConfirmationInput {
  readonly language: string;
  readonly contactName: string;
  readonly organisationName: string;
  readonly declarationTitle: string;
  readonly signerName: string;
  readonly signerTitle: string;
  readonly signedAt: Date;
  /** The language version that was signed. */
  readonly signedLanguage: string;
  readonly textSha256: string;
  readonly contactAddress: string;
}

/** Sent once per signature: what was recorded, what happens next, and what to do if it was not you. */
export function signatureConfirmationEmail(input: SignatureConfirmationInput): RenderedEmail {
  const m = messagesFor(input.language);
  const subject = m.email.confirmationSubject(input.declarationTitle);
  const signedAt = formatDateTime(input.signedAt, input.language);
  const rows: [string, string][] = [
    [m.email.confirmationSigner, input.signerName],
    [m.email.confirmationFunction, input.signerTitle],
    [m.email.confirmationTime, signedAt],
    [m.email.confirmationLanguage, languageName(input.signedLanguage)],
    ['SHA-256', input.textSha256],
  ];
  const body = html`
<h1 style="font-size:20px;margin:0 0 16px">${input.declarationTitle}</h1>
<p>${m.email.greeting(input.contactName)}</p>
<p>${m.email.confirmationLead(input.organisationName)}</p>
<table style="border-collapse:collapse;margin:16px 0" role="presentation">${rows.map(
    ([label, value]) => html`<tr><td style="padding:4px 12px 4px 0;color:#404040;vertical-align:top">${label}</td><td style="padding:4px 0;word-break:break-all">${value}</td></tr>`,
  )}</table>
<ol>${m.outcome.nextSteps.map((step) => html`<li>${step}</li>`)}</ol>
<p>${m.email.confirmationNotYou}</p>`;
  const text = [
    m.email.greeting(input.contactName),
    m.email.confirmationLead(input.organisationName),
    rows.map(([label, value]) => `${label}: ${value}`).join('\n'),
    m.outcome.nextSteps.map((step, index) => `${index + 1}. ${step}`).join('\n'),
    m.email.confirmationNotYou,
  ].join('\n\n') + textFooter(m, input.contactAddress);
  return { subject, text, html: emailLayout({ title: subject, language: input.language, purpose: 'signature-confirmation', messages: m, contactAddress: input.contactAddress }, body) };
}
