import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { CONSOLE_PAGE_SCRIPTS, type ConsoleScripts } from '../templates/console/console-config';

const BROWSER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../templates/console/browser');

/** Every current browser runs ES2022; the console needs nothing older. */
export const CONSOLE_SCRIPT_TARGET = 'es2022';

/**
 * Bundles the browser script of every console page: templates/console/browser/pages/<name>.ts
 * with what it imports, type-checked separately by `npm run typecheck`, as one minified IIFE. A
 * page inlines its bundle and allows it by its SHA-256 in the Content-Security-Policy. Output is
 * ASCII (esbuild escapes the rest), so that the bytes hashed are the bytes any page encoding gives.
 */
export function buildConsoleScripts(): ConsoleScripts {
  const outdir = path.join(BROWSER_DIR, 'bundled');
  const result = buildSync({
    entryPoints: CONSOLE_PAGE_SCRIPTS.map((name) => ({ in: path.join(BROWSER_DIR, 'pages', `${name}.ts`), out: name })),
    tsconfig: path.join(BROWSER_DIR, 'tsconfig.json'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: CONSOLE_SCRIPT_TARGET,
    minify: true,
    legalComments: 'none',
    outdir,
    write: false,
    logLevel: 'error',
  });
  const scripts = Object.fromEntries(CONSOLE_PAGE_SCRIPTS.map((name) => {
    const output = result.outputFiles.find((file) => file.path === path.join(outdir, `${name}.js`));
    if (!output) throw new Error(`esbuild gave no bundle for the console page ${name}`);
    const text = output.text.trimEnd();
    // Inline in <script>: nothing in it may end the element or open an HTML comment there.
    if (/<\/script|<!--/i.test(text)) throw new Error(`the console page ${name}'s bundle holds </script or <!--`);
    return [name, text];
  }));
  return scripts as ConsoleScripts;
}
