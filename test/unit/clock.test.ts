import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clock, setTimeSource } from '../../functions/shared/clock';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

afterEach(() => setTimeSource());

describe('the clock of the handlers and operations', () => {
  it('reads the system clock unless given another source', () => {
    const before = Date.now();
    const now = clock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());

    setTimeSource(() => Date.UTC(2031, 5, 1));
    expect(clock.now().toISOString()).toBe('2031-06-01T00:00:00.000Z');
    setTimeSource();
    expect(clock.now().getFullYear()).toBe(new Date().getFullYear());
  });

  // Link, session and code expiry are checked in DynamoDB conditions with this time; a handler
  // reading the system clock instead would not follow the local stack's clock in tests.
  it('is the only clock the handlers, operations, store and mail read', () => {
    const layers = ['functions/handlers', 'functions/operations', 'functions/store', 'functions/mail', 'functions/workflow', 'functions/shared'];
    const readers = layers
      .flatMap((layer) => readdirSync(path.join(REPO_ROOT, layer), { recursive: true, encoding: 'utf8' }).map((file) => path.join(layer, file)))
      .filter((file) => file.endsWith('.ts') && file !== path.join('functions', 'shared', 'clock.ts'))
      .filter((file) => /new Date\(\)|Date\.now\(\)/.test(readFileSync(path.join(REPO_ROOT, file), 'utf8')));
    expect(readers).toEqual([]);
  });
});
