import { createHash } from 'node:crypto';
import { ROUTES } from '../../functions/catalog';
import { AUDIT_EVENT_TYPES } from '../../functions/domain/audit-events';
import { CATEGORIES } from '../../functions/domain/categories';
import { COMMITMENT_STATES } from '../../functions/domain/commitment';
import { CSV_COLUMNS } from '../../functions/domain/invitation-csv';
import { html, raw, type SafeHtml } from '../html';
import { iconLink } from '../icon';
import type { ConsoleConfig, ConsolePageScript, SignInConfig } from './console-config';
import { CONSOLE_LANGUAGE_NAMES, CONSOLE_LANGUAGES, CONSOLE_MESSAGES, type ConsoleLanguage } from './i18n';
import { en } from './i18n/en';

export type { SignInConfig } from './console-config';

/** What the console calls each state of a commitment, in English. */
export const STATE_LABELS = en.states;

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#1b1b1b;background:#f3f4f6;line-height:1.5;font-size:16px}
a{color:#003399}a:hover{color:#001f5c}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:8px;z-index:10}.skip:focus{left:8px}
header{background:#003399;color:#fff;padding:0 24px;display:flex;flex-wrap:wrap;align-items:center;gap:8px 24px;min-height:56px}
header .brand{font-weight:600;margin:0;font-size:1rem}
header nav ul{list-style:none;display:flex;gap:4px;margin:0;padding:0}
header nav a{color:#fff;text-decoration:none;padding:16px 10px;display:inline-block}header nav a[aria-current=page],header nav a:hover{text-decoration:underline;text-underline-offset:6px}
header .who{margin-left:auto;display:flex;gap:12px;align-items:center;font-size:.9rem}
header .who button,header .languages button{background:transparent;color:#fff;border:1px solid #fff;padding:4px 10px;margin:0}
header .languages{list-style:none;display:flex;gap:4px;margin:0;padding:0;font-size:.9rem}header .languages button[aria-pressed=true]{background:#fff;color:#003399}
main{max-width:1240px;margin:20px auto;padding:0 20px}
.panel{background:#fff;border:1px solid #d6d9de;border-radius:6px;padding:20px 24px;margin-bottom:20px}
h1{font-size:1.6rem;margin:0 0 4px}h2{font-size:1.25rem;margin:0 0 12px}h3{font-size:1.05rem;margin:16px 0 8px}
.muted{color:#4a4f55;font-size:.93rem}.mono{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem;word-break:break-all}
button,.button{font:inherit;padding:8px 16px;border-radius:4px;border:2px solid #003399;cursor:pointer;background:#fff;color:#003399;margin:4px 4px 4px 0;text-decoration:none;display:inline-block}
button.primary,.button.primary{background:#003399;color:#fff}button.danger{border-color:#a4000f;color:#a4000f}
button.small{padding:3px 10px;font-size:.88rem;border-width:1px}
button:disabled{opacity:.55;cursor:not-allowed}
:focus-visible{outline:3px solid #f0b400;outline-offset:2px}
label{display:block;font-weight:600;margin:10px 0 4px}
.inline-label{display:inline;font-weight:400;margin:0 0 0 4px}
input[type=text],input[type=email],input[type=search],input[type=datetime-local],input[type=date],input[type=number],input[type=file],select,textarea{font:inherit;padding:7px 9px;border:1px solid #5c6670;border-radius:4px;background:#fff;color:#1b1b1b;max-width:100%}
input[type=text],input[type=email],input[type=search],textarea{width:100%}
tbody th{background:none;font-weight:400}
textarea{min-height:90px}
fieldset{border:1px solid #d6d9de;border-radius:4px;padding:10px 16px 14px;margin:14px 0}legend{font-weight:600;padding:0 6px}
.row{display:flex;flex-wrap:wrap;gap:12px 20px;align-items:flex-end}.row>div{min-width:160px}
.grow{flex:1 1 260px}
table{border-collapse:collapse;width:100%;font-size:.93rem}
caption{text-align:left;font-weight:600;padding:6px 0}
th,td{text-align:left;padding:7px 8px;border-bottom:1px solid #e3e5e8;vertical-align:top}
th{background:#f7f8fa;font-weight:600}
th button.sort{border:0;background:none;padding:0;margin:0;font-weight:600;color:#003399;text-decoration:underline}
tbody tr:hover{background:#f7f9ff}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:.82rem;font-weight:600;background:#e6e9ef;color:#1b1b1b;white-space:nowrap}
.badge.good{background:#dcefe1;color:#0d5a23}.badge.warn{background:#fdf0d2;color:#6b4a00}.badge.bad{background:#fbe0e0;color:#8a0010}.badge.info{background:#dfe7fb;color:#002a80}
.alert{border-left:5px solid #a4000f;background:#fff3f3;padding:10px 16px;margin:12px 0}
.alert ul{margin:6px 0 0;padding-left:20px}
.ok{border-left:5px solid #0d7a2f;background:#f0faf3;padding:10px 16px;margin:12px 0}
#status{min-height:1.5em;margin:0 0 12px}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:12px 0}
.stat{border:1px solid #d6d9de;border-radius:6px;padding:10px 14px}.stat strong{display:block;font-size:1.5rem}
.progress{height:22px;background:#e6e9ef;border-radius:11px;overflow:hidden;display:flex}
.progress .delivered{background:#0d7a2f}.progress .signed{background:#3f6fd8}
.legend{display:flex;gap:16px;font-size:.88rem;margin-top:6px}.swatch{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:5px;vertical-align:-1px}
.swatch.delivered{background:#0d7a2f}.swatch.signed{background:#3f6fd8}.swatch.rest{background:#e6e9ef;border:1px solid #b8bdc5}
.columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:20px}
[role=tablist]{display:flex;gap:4px;border-bottom:2px solid #d6d9de;margin-bottom:16px;flex-wrap:wrap}
[role=tab]{border:0;border-bottom:3px solid transparent;border-radius:0;margin:0 0 -2px;padding:10px 14px;color:#1b1b1b}
[role=tab][aria-selected=true]{border-bottom-color:#003399;color:#003399;font-weight:600}
.pager{display:flex;gap:12px;align-items:center;margin-top:10px;flex-wrap:wrap}
.timeline{list-style:none;padding:0;margin:0;border-left:3px solid #d6d9de}
.timeline li{padding:6px 0 10px 16px;position:relative}.timeline li::before{content:"";position:absolute;left:-8px;top:12px;width:12px;height:12px;border-radius:50%;background:#003399}
.chart{width:100%;max-width:760px;height:auto}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
dialog{border:1px solid #5c6670;border-radius:6px;padding:20px 24px;max-width:560px;width:92%}dialog::backdrop{background:rgba(0,0,0,.45)}
.field-error{color:#a4000f;font-weight:600;margin:4px 0 8px}[aria-invalid=true]{border:2px solid #a4000f}
.results:not(:empty){margin:12px 0 28px;padding-bottom:16px;border-bottom:2px solid #d6d9de}
.table-scroll,.results,#csv-report{overflow-x:auto;max-width:100%;position:relative}
td.date{white-space:nowrap}
.panel li,.panel p{overflow-wrap:anywhere}
@media (max-width:600px){main{padding:0 8px;margin:12px auto}.panel{padding:14px 12px}header{padding:0 12px}header .who{margin-left:0}dl.facts{grid-template-columns:minmax(0,1fr)}dl.facts dd{margin-bottom:8px}}
.queue-item{border:1px solid #d6d9de;border-radius:6px;padding:12px 16px;margin:10px 0}
.clause{border:1px dashed #c4c8ce;border-radius:4px;padding:8px 12px;margin:8px 0}
dl.facts{display:grid;grid-template-columns:minmax(0,max-content) minmax(0,1fr);gap:4px 16px;margin:0}dl.facts dt{font-weight:600}dl.facts dd{margin:0;min-width:0;overflow-wrap:anywhere}
`;

/** "Resend a link" belongs to the signing flow; the console offers it when the route exists. */
const RESEND_ROUTE_PATH = '/api/commitments/{commitmentId}/resend';

const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export interface ConsolePage {
  /** The language the page is written in (its catalog wrote title and body). */
  readonly language: ConsoleLanguage;
  readonly title: string;
  /** The navigation entry this page belongs to. */
  readonly section: 'declarations' | 'audit';
  /** Ids from the path, validated before they get here. */
  readonly params?: Readonly<Record<string, string>>;
  readonly body: SafeHtml;
  /** The page's script: the bundle of templates/console/browser/pages/<script>.ts. */
  readonly script: ConsolePageScript;
}

export interface RenderedConsolePage {
  readonly markup: string;
  readonly csp: string;
}

/** A page's bundled script, as the build put it in (console-scripts.d.ts). */
function consoleScript(name: ConsolePageScript): string {
  const scripts = globalThis.__CONSOLE_SCRIPTS__;
  if (!scripts) throw new Error('The console scripts are not built in: bundle with infra/bundle-options.ts, or set them with buildConsoleScripts() first');
  return scripts[name];
}

/** JSON for a data block inside <script>: `<` escaped so that no value can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * Every console page: the frame, the configuration the script needs (as data, never code), and
 * one script allowed by its hash. Content-Security-Policy allows no inline script or style but
 * these, and connects only to this origin (and Cognito's, to exchange the sign-in code).
 */
export function renderConsolePage(page: ConsolePage, signIn: SignInConfig): RenderedConsolePage {
  const script = consoleScript(page.script);
  const m = CONSOLE_MESSAGES[page.language];
  const config: ConsoleConfig = {
    signIn,
    page: page.params ?? {},
    language: page.language,
    messages: m.browser,
    counts: m.counts,
    categories: CATEGORIES.map((id) => ({ id, label: m.categories[id] })),
    states: COMMITMENT_STATES.map((id) => ({ id, label: m.states[id] })),
    csvColumns: CSV_COLUMNS,
    eventTypes: AUDIT_EVENT_TYPES.map((id) => ({ id, label: m.events[id] })),
    features: { resendLink: ROUTES.some((route) => route.method === 'POST' && route.path === RESEND_ROUTE_PATH) },
  };
  const current = (section: ConsolePage['section']) => (page.section === section ? html` aria-current="page"` : html``);
  // Each language is named in its own words and marked as such; the script (core.ts) keeps the choice.
  const languages = CONSOLE_LANGUAGES.map((language) => html`<li><button type="button" data-language="${language}" lang="${language}" aria-pressed="${String(language === page.language)}">${CONSOLE_LANGUAGE_NAMES[language]}</button></li>`);
  const markup = html`<!doctype html>
<html lang="${page.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">${iconLink()}<title>${page.title} · ${m.frame.consoleName}</title><style>${raw(STYLE)}</style></head>
<body>
<a class="skip" href="#main">${m.frame.skip}</a>
<header>
<p class="brand">${m.frame.brand}</p>
<nav aria-label="${m.frame.navigation}"><ul><li><a href="/console"${current('declarations')}>${m.frame.declarations}</a></li><li><a href="/console/audit"${current('audit')}>${m.frame.audit}</a></li></ul></nav>
<ul class="languages" aria-label="${m.frame.languageSwitch}">${languages}</ul>
<div class="who" id="who"></div>
</header>
<main id="main" tabindex="-1">
<p id="status" role="status" aria-live="polite"></p>
<div id="problem" role="alert"></div>
<div id="sign-in"></div>
<div id="page" hidden>${page.body}</div>
</main>
<script type="application/json" id="console-config">${raw(scriptJson(config))}</script>
<script>${raw(script)}</script>
</body></html>`.value;
  const connect = signIn.kind === 'cognito' ? `'self' ${new URL(signIn.domainUrl).origin}` : "'self'";
  const csp = `default-src 'none'; script-src ${hashOf(script)}; style-src ${hashOf(STYLE)}; connect-src ${connect}; img-src 'self' data: blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`;
  return { markup, csp };
}

/**
 * A console address that holds no page (an id that cannot be one, a malformed address): the frame
 * and a way back, with no script, so that it answers with its status before any sign-in.
 */
export function renderConsoleProblemPage(status: number, message: string, language: ConsoleLanguage = 'en'): RenderedConsolePage {
  const m = CONSOLE_MESSAGES[language];
  const problem = status >= 500
    ? { title: m.problem.serverTitle, message, next: m.problem.serverNext }
    : { title: m.problem.notFoundTitle, message, next: m.problem.notFoundNext };
  const markup = html`<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">${iconLink()}<title>${problem.title} · ${m.frame.consoleName}</title><style>${raw(STYLE)}</style></head>
<body>
<a class="skip" href="#main">${m.frame.skip}</a>
<header>
<p class="brand">${m.frame.brand}</p>
<nav aria-label="${m.frame.navigation}"><ul><li><a href="/console">${m.frame.declarations}</a></li><li><a href="/console/audit">${m.frame.audit}</a></li></ul></nav>
</header>
<main id="main" tabindex="-1">
<section class="panel" aria-labelledby="problem-title"><h1 id="problem-title">${problem.title}</h1>
<p${language === 'en' ? html`` : html` lang="en"`}>${problem.message}</p>
<p>${problem.next}</p>
<p><a href="/console">${m.problem.backToList}</a></p></section>
</main>
</body></html>`.value;
  const csp = `default-src 'none'; style-src ${hashOf(STYLE)}; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`;
  return { markup, csp };
}
