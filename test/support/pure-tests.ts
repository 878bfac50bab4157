/**
 * Set-up of the unit project: its tests are pure, so anything that would start a process, open a
 * server or reach the network throws instead. A test that needs one of them belongs to the
 * project named for what it needs (tools, local, infra, integration, ...): see vitest.config.ts.
 */
import { createRequire, syncBuiltinESMExports } from 'node:module';

const require = createRequire(import.meta.url);

function refuse(what: string): never {
  throw new Error(`${what} in a unit test: unit tests are pure (no child process, server or network). Move this test to the project that provides it (see vitest.config.ts).`);
}

function replace(module: Record<string, unknown>, name: string, what: string): void {
  module[name] = function refused() {
    return refuse(what);
  };
}

const childProcess = require('node:child_process') as Record<string, unknown>;
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) replace(childProcess, name, `child_process.${name}`);

const net = require('node:net') as typeof import('node:net') & Record<string, unknown>;
for (const name of ['connect', 'createConnection']) replace(net, name, `net.${name}`);
// http, https and every other server or client socket go through these.
replace(net.Server.prototype as unknown as Record<string, unknown>, 'listen', 'listening on a port');
replace(net.Socket.prototype as unknown as Record<string, unknown>, 'connect', 'opening a network connection');
const dgram = require('node:dgram') as Record<string, unknown>;
replace(dgram, 'createSocket', 'dgram.createSocket');

// Named imports of Node's modules (`import { spawn } from 'node:child_process'`) see the replacements too.
syncBuiltinESMExports();

globalThis.fetch = () => refuse('fetch');
