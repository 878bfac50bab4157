import { createHash } from 'node:crypto';
import { Script } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConsoleScripts } from '../../infra/console-scripts';
import { auditPage } from '../../templates/console/audit-page';
import { commitmentPage } from '../../templates/console/commitment-page';
import { CONSOLE_PAGE_SCRIPTS, type ConsolePageScript, type ConsoleScripts } from '../../templates/console/console-config';
import { dashboardPage } from '../../templates/console/dashboard-page';
import { declarationFormPage } from '../../templates/console/declaration-form-page';
import { declarationsPage } from '../../templates/console/declarations-page';
import { CONSOLE_LANGUAGES, CONSOLE_MESSAGES } from '../../templates/console/i18n';
import { renderConsolePage, type ConsolePage } from '../../templates/console/layout';

const PAGES: readonly [ConsolePageScript, ConsolePage][] = [
  ['declarations', declarationsPage()],
  ['dashboard', dashboardPage('dcl_0123456789abcdef')],
  ['declaration-form', declarationFormPage()],
  ['declaration-form', declarationFormPage('dcl_0123456789abcdef')],
  ['commitment', commitmentPage('cmt_0123456789abcdef')],
  ['audit', auditPage()],
];

let scripts: ConsoleScripts;

beforeAll(() => {
  scripts = buildConsoleScripts();
  // As the local stack does before it loads the handlers; the deployed bundle has them written in.
  globalThis.__CONSOLE_SCRIPTS__ = scripts;
});

afterAll(() => {
  globalThis.__CONSOLE_SCRIPTS__ = undefined;
});

describe('the console\'s browser scripts', () => {
  it('are one script per page that a browser can run inline, in ASCII so that the hashed bytes do not depend on the encoding', () => {
    expect(Object.keys(scripts).sort()).toEqual([...CONSOLE_PAGE_SCRIPTS].sort());
    for (const name of CONSOLE_PAGE_SCRIPTS) {
      const script = scripts[name];
      expect(() => new Script(script, { filename: `${name}.js` }), name).not.toThrow();
      expect(script, name).toMatch(/^[\x20-\x7e\n]+$/);
      expect(script, name).not.toMatch(/<\/script|<!--/i);
    }
  });

  it('carry each page\'s own code and the shared core once, not the other pages\' code', () => {
    // The dashboard's CSV template and the audit page's export note are theirs alone.
    expect(scripts.dashboard).toContain('invitations-template.csv');
    expect(scripts.audit).toContain('npm run verify-audit -- ');
    for (const name of CONSOLE_PAGE_SCRIPTS) {
      expect(scripts[name], name).toContain('ports-alliance.token');
      if (name !== 'dashboard') expect(scripts[name], name).not.toContain('invitations-template.csv');
      if (name !== 'audit') expect(scripts[name], name).not.toContain('npm run verify-audit -- ');
    }
  });

  it('are inlined one to a page, and the Content-Security-Policy allows exactly that script by its hash', () => {
    for (const [name, page] of PAGES) {
      const { markup, csp } = renderConsolePage(page, { kind: 'development', url: '/local/sign-in' });
      const inline = [...markup.matchAll(/<script(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
      expect(inline, name).toEqual([scripts[name]]);
      const hash = createHash('sha256').update(inline[0]!, 'utf8').digest('base64');
      expect(csp, name).toContain(`script-src 'sha256-${hash}';`);
      expect(csp, name).not.toMatch(/unsafe-inline|unsafe-eval/);
    }
  });
});

describe('the console\'s scripts in each language', () => {
  const configOf = (markup: string) => JSON.parse(/<script type="application\/json" id="console-config">([\s\S]*?)<\/script>/.exec(markup)?.[1] ?? '{}') as { language?: string; messages?: unknown; counts?: unknown };

  it('are the same script, allowed by the same hash: the page hands its script the wording of its own language as data', () => {
    for (const name of CONSOLE_PAGE_SCRIPTS) {
      const pages = CONSOLE_LANGUAGES.map((language) => renderConsolePage({ ...dashboardPage('dcl_0123456789abcdef', language), script: name }, { kind: 'none' }));
      const hashes = new Set(pages.map((page) => /script-src ('sha256-[^']+')/.exec(page.csp)?.[1]));
      expect(hashes.size, name).toBe(1);
      pages.forEach((page, index) => {
        const language = CONSOLE_LANGUAGES[index]!;
        expect(page.markup, name).toContain(`<html lang="${language}">`);
        const config = configOf(page.markup);
        expect(config.language).toBe(language);
        expect(config.messages).toEqual(CONSOLE_MESSAGES[language].browser);
        expect(config.counts).toEqual(CONSOLE_MESSAGES[language].counts);
      });
    }
  });

  it('carry no catalog: their wording is in the page', () => {
    for (const name of CONSOLE_PAGE_SCRIPTS) {
      for (const language of CONSOLE_LANGUAGES) {
        expect(scripts[name], `${name} ${language}`).not.toContain(CONSOLE_MESSAGES[language].browser.signInIntro);
        expect(scripts[name], `${name} ${language}`).not.toContain(CONSOLE_MESSAGES[language].browser.closeEffect);
      }
    }
  });
});
