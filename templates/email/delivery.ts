import type { RenderedEmail } from '../../functions/mail/send-email';
import { html } from '../html';
import { emailLayout, textFooter } from './layout';

export interface DeliveryEmailInput {
  readonly contactName: string;
  readonly organisationName: string;
  readonly declarationTitle: string;
  readonly documentSha256: string;
  readonly verificationUrl: string;
  readonly contactAddress: string;
}

/** Sent with the sealed PDF attached. */
export function deliveryEmail(input: DeliveryEmailInput): RenderedEmail {
  const subject = `Your sealed commitment: "${input.declarationTitle}"`;
  const body = html`
<h1 style="font-size:20px;margin:0 0 16px">${input.declarationTitle}</h1>
<p>Dear ${input.contactName},</p>
<p>The commitment of ${input.organisationName} has been verified and countersigned by the European Commission. The sealed certificate is attached as a PDF. Please keep it.</p>
<p>Its SHA-256 fingerprint is <code style="word-break:break-all">${input.documentSha256}</code>. Anyone can check that the Commission issued it at ${input.verificationUrl}.</p>`;
  const text =
    `Dear ${input.contactName},\n\nThe commitment of ${input.organisationName} has been verified and countersigned by the European Commission. ` +
    `The sealed certificate is attached as a PDF. Please keep it.\n\nSHA-256: ${input.documentSha256}\nVerification: ${input.verificationUrl}` +
    textFooter(input.contactAddress);
  return { subject, text, html: emailLayout(subject, body, input.contactAddress) };
}
