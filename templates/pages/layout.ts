import { html, raw, type SafeHtml } from '../html';

const STYLE = `
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#1b1b1b;background:#f5f6f8;line-height:1.55}
header{background:#003399;color:#fff;padding:12px 24px}header p{margin:0;font-size:15px}
main{max-width:760px;margin:24px auto;background:#fff;padding:24px 32px;border-radius:4px}
h1{font-size:1.6rem;margin-top:0}h2{font-size:1.2rem;margin-top:2rem}
.declaration{white-space:pre-wrap;border-left:4px solid #d0d4da;padding-left:16px}
fieldset{border:1px solid #d0d4da;padding:12px 16px;margin:16px 0}legend{font-weight:600;padding:0 4px}
label{display:block;margin:8px 0 4px;font-weight:600}.check label{display:inline;font-weight:400}
.check{margin:8px 0}input[type=text],textarea{width:100%;box-sizing:border-box;padding:8px;border:1px solid #5c6670;border-radius:3px;font:inherit}
button{font:inherit;padding:10px 20px;border-radius:4px;border:2px solid #003399;cursor:pointer;margin-top:12px}
.primary{background:#003399;color:#fff}.secondary{background:#fff;color:#003399}
:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}
.errors{border:2px solid #b00020;padding:8px 16px;color:#b00020}.hash{font-family:monospace;font-size:.85rem;word-break:break-all}
.muted{color:#4a4f55;font-size:.95rem}`;

export function pageLayout(title: string, body: SafeHtml, language = 'en'): string {
  return html`<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${title}</title><style>${raw(STYLE)}</style></head>
<body><header><p>European Commission · European Ports Alliance</p></header><main>${body}</main></body></html>`.value;
}
