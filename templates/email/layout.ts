import { html, type SafeHtml } from '../html';

/** The shared frame of every email: plain, readable without images, no tracking, no redirects. */
export function emailLayout(title: string, body: SafeHtml, contactAddress: string): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head>
<body style="margin:0;padding:24px;background:#f5f6f8;font-family:Arial,Helvetica,sans-serif;color:#1b1b1b;line-height:1.5">
<div style="max-width:600px;margin:0 auto;background:#ffffff;padding:24px;border-top:4px solid #003399">
<p style="margin:0 0 16px;font-size:14px;color:#404040">European Commission · European Ports Alliance</p>
${body}
<hr style="border:none;border-top:1px solid #d0d4da;margin:24px 0">
<p style="font-size:13px;color:#404040">Questions? Write to <a href="mailto:${contactAddress}">${contactAddress}</a>. This message was sent automatically; replies are not read.</p>
</div></body></html>`.value;
}

export function textFooter(contactAddress: string): string {
  return `\n\n--\nEuropean Commission · European Ports Alliance\nQuestions? Write to ${contactAddress}. This message was sent automatically; replies are not read.\n`;
}
