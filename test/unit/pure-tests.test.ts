import { execFile, spawn, spawnSync } from 'node:child_process';
import { createServer as createHttpServer, get } from 'node:http';
import { connect, createServer } from 'node:net';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** What test/support/pure-tests.ts makes of a unit test that is not pure. */
const REFUSED = /unit tests are pure/;
const later = (attempt: () => unknown) => Promise.resolve().then(attempt);

describe('a unit test', () => {
  it('cannot start a process', async () => {
    expect(() => spawnSync('true')).toThrow(REFUSED);
    expect(() => spawn('openssl', ['version'])).toThrow(REFUSED);
    await expect(later(() => promisify(execFile)('pdfsig', ['-v']))).rejects.toThrow(REFUSED);
  });

  it('cannot bundle with esbuild, which runs as a child process', async () => {
    await expect(later(() => build({ stdin: { contents: 'export const a = 1;' }, write: false }))).rejects.toThrow(REFUSED);
  });

  it('cannot listen on a port', () => {
    expect(() => createServer().listen(0)).toThrow(REFUSED);
    expect(() => createHttpServer().listen(0, '127.0.0.1')).toThrow(REFUSED);
  });

  it('cannot reach the network', async () => {
    await expect(later(() => fetch('http://127.0.0.1:9/'))).rejects.toThrow(REFUSED);
    expect(() => connect(9, '127.0.0.1')).toThrow(REFUSED);
    expect(() => get('http://127.0.0.1:9/')).toThrow(REFUSED);
  });
});
