import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './test/support/longest-first-sequencer';

/** Tests on a local stack wait on its process; a loaded machine makes them wait longer. */
const ON_A_STACK = { testTimeout: 300_000, hookTimeout: 300_000 };

export default defineConfig({
  test: {
    // Files of the projects below run side by side; those of `clock` and `resilience` take turns
    // on the exclusive stack. Most files on a stack wait for its process rather than use a core,
    // so more files than cores run at once.
    maxWorkers: 4,
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        test: {
          // Pure: no child process, server or network (test/support/pure-tests.ts makes each throw).
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          setupFiles: ['test/support/pure-tests.ts'],
          // One worker runs file after file with the modules it has loaded: the files share no state.
          isolate: false,
          testTimeout: 30_000,
          // Making RSA keys for a suite (3072 bits for the development seal) can take seconds on a loaded machine.
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // The CDK app: assertions on the synthesized templates, cdk-nag, and the esbuild bundles.
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          // What other programs say of our output and our command-line tools: pdfsig, pdftotext,
          // qpdf and openssl (Debian's poppler-utils, qpdf, openssl), `npm run verify`, `npm run verify-audit`.
          name: 'tools',
          include: ['test/tools/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          // The local stand-ins for AWS services, each started on its own in the test.
          name: 'local',
          include: ['test/local/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // Handlers, workflow and emails through HTTP, on a local stack the project's files share.
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          isolate: false,
          globalSetup: ['test/support/project-stack-setup.ts'],
          setupFiles: ['test/support/await-local-stack.ts'],
          ...ON_A_STACK,
        },
      },
      {
        test: {
          // The signing pages and the console in headless Chromium (Debian's), on a stack of the project's own.
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          isolate: false,
          globalSetup: ['test/support/project-stack-setup.ts'],
          setupFiles: ['test/support/await-local-stack.ts'],
          // A page's script answers when the stack and Chromium get the CPU: give `expect.poll` time.
          expect: { poll: { timeout: 30_000 } },
          ...ON_A_STACK,
        },
      },
      {
        test: {
          // Reminders, expiry and rate-limit windows, driven by moving the clock of the exclusive stack.
          name: 'clock',
          include: ['test/clock/**/*.test.ts'],
          globalSetup: ['test/support/exclusive-stack-setup.ts'],
          setupFiles: ['test/support/exclusive-stack-files.ts'],
          ...ON_A_STACK,
          hookTimeout: 1_200_000,
        },
      },
      {
        test: {
          // Tests that break things (faults, late callbacks, hostile input) on the exclusive stack.
          name: 'resilience',
          include: ['test/resilience/**/*.test.ts'],
          exclude: ['test/resilience/restart.test.ts', 'test/resilience/wrong-seal-certificate.test.ts'],
          globalSetup: ['test/support/exclusive-stack-setup.ts'],
          setupFiles: ['test/support/exclusive-stack-files.ts'],
          testTimeout: 300_000,
          hookTimeout: 1_200_000,
        },
      },
      {
        test: {
          // A stack killed in the middle of a campaign and started again, and one started with the wrong
          // seal certificate, on stacks of the tests' own, beside the other projects.
          name: 'restart',
          include: ['test/resilience/restart.test.ts', 'test/resilience/wrong-seal-certificate.test.ts'],
          testTimeout: 420_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
