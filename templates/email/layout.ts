import { html, type SafeHtml } from '../html';
import type { Messages } from '../i18n';

/** An email as the templates write it: a subject, and its body as plain text and as HTML. */
export interface RenderedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** What an email is for; written into its HTML head so that tools can tell emails apart in any language. */
export type EmailPurpose = 'invitation' | 'reminder' | 'new-link' | 'one-time-code' | 'signature-confirmation' | 'delivery' | 'team-notification' | 'daily-digest';

export interface EmailFrame {
  readonly title: string;
  readonly language: string;
  readonly purpose: EmailPurpose;
  readonly messages: Messages;
  readonly contactAddress: string;
}

/** The shared frame of every email: plain, readable without images, no tracking pixels, no redirect links. */
export function emailLayout(frame: EmailFrame, body: SafeHtml): string {
  const m = frame.messages;
  return html`<!doctype html>
<html lang="${frame.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><meta name="email-purpose" content="${frame.purpose}"><title>${frame.title}</title></head>
<body style="margin:0;padding:24px;background:#f5f6f8;font-family:Arial,Helvetica,sans-serif;color:#1b1b1b;line-height:1.5">
<div style="max-width:600px;margin:0 auto;background:#ffffff;padding:24px;border-top:4px solid #003399">
<p style="margin:0 0 16px;font-size:14px;color:#404040">${m.brand}</p>
${body}
<hr style="border:none;border-top:1px solid #d0d4da;margin:24px 0">
<p style="font-size:13px;color:#404040">${m.email.footerQuestions} <a href="mailto:${frame.contactAddress}">${frame.contactAddress}</a>. ${m.email.footerAutomatic}</p>
</div></body></html>`.value;
}

export function textFooter(messages: Messages, contactAddress: string): string {
  return `\n\n--\n${messages.brand}\n${messages.email.footerQuestions} ${contactAddress}. ${messages.email.footerAutomatic}\n`;
}
