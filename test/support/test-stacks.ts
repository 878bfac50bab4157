import type { TestProject } from 'vitest/node';
import type { LocalStackProcessOptions } from '../../tools/local-stack-process';
import { shareLocalStack } from './stack-registry';

/**
 * The workflow's timings on the test stacks: a day between the invitation, its one reminder and
 * expiry, so that no link, session or reminder runs out under a test, however slow the machine.
 * Tests about reminders and expiry run on the exclusive stack and move its clock instead.
 */
export const TEST_TIMINGS = { reminderIntervalSeconds: 24 * 3600, reminderCount: 1, reviewTimeoutSeconds: 30 * 24 * 3600, countersignTimeoutSeconds: 30 * 24 * 3600 };

/** Signing POSTs per client address and 10-minute window: high enough for all the tests from 127.0.0.1, low enough to reach in a test. */
export const TEST_RATE_LIMITS = { perAddress: 1500 };

/**
 * The stack of a project whose files share it, many at a time (integration, browser: one each, so
 * that each has a process, and a core, of its own): the real services, an in-memory database, INFO
 * logs (tests read what the handlers log at the level they run with on AWS).
 */
export const PROJECT_STACK: LocalStackProcessOptions = { inMemory: true, timings: TEST_TIMINGS, rateLimits: TEST_RATE_LIMITS, logLevel: 'INFO' };

/**
 * The stack of the tests that need one to themselves, which its projects (clock, resilience) give
 * to one test file at a time: they move its clock, inject faults, or check that nothing else
 * changed its table.
 */
export const EXCLUSIVE_STACK: LocalStackProcessOptions = { inMemory: true, timings: TEST_TIMINGS, rateLimits: TEST_RATE_LIMITS, logLevel: 'WARN', controllableClock: true, faults: true };

export const projectStackSetup = (project: TestProject) => shareLocalStack(project, project.name, PROJECT_STACK);
export const exclusiveStackSetup = (project: TestProject) => shareLocalStack(project, 'exclusive', EXCLUSIVE_STACK);
