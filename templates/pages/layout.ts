import { createHash } from 'node:crypto';
import { html, raw, type SafeHtml } from '../html';
import type { Messages } from '../i18n';
import { iconLink } from '../icon';

const STYLE = `
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#1b1b1b;background:#f5f6f8;line-height:1.55;font-size:1.0625rem}
header{background:#003399;color:#fff;padding:12px 24px}header p{margin:0;font-size:15px}
main{display:block;max-width:760px;margin:24px auto;background:#fff;padding:24px 32px;border-radius:4px}
footer{max-width:760px;margin:0 auto 32px;padding:0 32px;font-size:.95rem;color:#3d4247}
h1{font-size:1.6rem;margin-top:0}h2{font-size:1.25rem;margin-top:2rem}
a{color:#003399}a:hover{color:#001a66}
.declaration{white-space:pre-wrap;border-left:4px solid #d0d4da;padding-left:16px}
fieldset{border:1px solid #8a9099;padding:12px 16px;margin:16px 0}legend{font-weight:600;padding:0 4px}
label{display:block;margin:12px 0 4px;font-weight:600}.check label{display:inline;font-weight:400;margin:0}
.check{margin:10px 0;display:flex;gap:10px;align-items:flex-start}.check input{width:22px;height:22px;margin:2px 0 0;flex:none}
input[type=text],textarea{width:100%;box-sizing:border-box;padding:8px;border:2px solid #5c6670;border-radius:3px;font:inherit}
input.code{width:10ch;font-size:1.4rem;letter-spacing:.2em;font-family:monospace}
[aria-invalid=true]{border-color:#b00020 !important}
button{font:inherit;padding:10px 20px;border-radius:4px;border:2px solid #003399;cursor:pointer;margin-top:12px}
.primary{background:#003399;color:#fff}.secondary{background:#fff;color:#003399}
button:hover{text-decoration:underline}
:focus-visible{outline:3px solid #1b1b1b;outline-offset:2px;box-shadow:0 0 0 6px #ffbf47}
.skip{position:absolute;left:-10000px;top:0}.skip:focus{left:8px;top:8px;background:#fff;color:#003399;padding:8px 12px;z-index:1}
.errors{border:3px solid #b00020;padding:8px 16px;margin:16px 0}.errors h2{margin-top:8px;color:#b00020}
.field-error{display:block;color:#b00020;font-weight:600;margin:4px 0}
.hint{display:block;color:#3d4247;font-weight:400;margin:0 0 4px}
.hash{font-family:monospace;font-size:.85rem;word-break:break-all}
.muted{color:#3d4247;font-size:.95rem}
.languages ul{list-style:none;padding:0;margin:4px 0;display:flex;flex-wrap:wrap;gap:4px 16px}.languages summary{cursor:pointer;margin:4px 0}
.inline-form{margin-top:24px;border-top:1px solid #d0d4da;padding-top:8px}`;

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

/**
 * The policy of every page of this layout (the operator's pages, the register, the verify page): nothing from another origin, no script at all, the one
 * style block by its hash, images only from here or inline (the icon), forms only to this site, never inside a frame.
 */
export const OPERATOR_PAGE_CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

export function pageLayout(title: string, body: SafeHtml, language = 'en'): string {
  return html`<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">${iconLink()}<title>${title}</title><style>${raw(STYLE)}</style></head>
<body><header><p>European Commission · European Ports Alliance</p></header><main>${body}</main></body></html>`.value;
}

export interface OperatorPageFrame {
  readonly title: string;
  readonly language: string;
  readonly messages: Messages;
  readonly contactAddress: string;
}

/** The frame of the pages an operator sees: landmarks, a skip link, the Commission's contact on every page. */
export function operatorPage(frame: OperatorPageFrame, body: SafeHtml): string {
  const { messages } = frame;
  return html`<!doctype html>
<html lang="${frame.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">${iconLink()}<title>${frame.title}</title><style>${raw(STYLE)}</style></head>
<body><a class="skip" href="#main">${messages.skipToContent}</a>
<header><p>${messages.brand}</p></header>
<main id="main" tabindex="-1">${body}</main>
<footer><p>${messages.contactLead} <a href="mailto:${frame.contactAddress}">${frame.contactAddress}</a></p></footer>
</body></html>`.value;
}
