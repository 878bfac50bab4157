import type { ConsoleScripts } from './console-config';

declare global {
  /**
   * The console pages' bundled browser scripts, put in at build time by buildConsoleScripts()
   * (infra/console-scripts.ts): esbuild's `define` writes them into the deployed bundle of the
   * console-page function; the local stack sets this global before it loads the handlers.
   */
  // `var`, not `let`: only a `var` declares a property of globalThis.
  var __CONSOLE_SCRIPTS__: ConsoleScripts | undefined;
}
