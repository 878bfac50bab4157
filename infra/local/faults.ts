/**
 * Fault injection for the local stack only (`startLocalStack({ faults: true })`): nothing here is
 * part of what deploys to AWS, and the handlers run unmodified.
 *
 * - Mail: an HTTP proxy in front of the local SES answers the next N requests with SES's 503
 *   ServiceUnavailable, then forwards again.
 * - DynamoDB: a TCP proxy in front of DynamoDB Local drops every connection, and refuses new
 *   ones, for a while.
 * - Tasks: the next invocation(s) of a workflow task fail before running, or "crash" right after
 *   their first write to DynamoDB: the invocation fails as Lambda reports a dead process
 *   (`Lambda.Unknown`), and whatever the handler does next with DynamoDB never returns, as if the
 *   process had gone (no catch block, no clean-up).
 *
 * Controlled over HTTP by tests (`/local/faults/...` on the app's port, see `faultControlEndpoint`).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { closeServer, listenLocally } from './aws-local';
import { TASK_FUNCTIONS, type TaskFunctionId } from '../../functions/catalog';
import type { LocalEndpoint } from './http-api';
import { deadRuntimeError } from './lambda-runtime';

export interface MailFaultProxy {
  readonly url: string;
  /** The next `count` requests fail with 503 ServiceUnavailable. */
  failNext(count: number): void;
  /** While held, requests wait at the proxy (a slow SES); releasing forwards them in order. */
  hold(held: boolean): void;
  readonly stats: { forwarded: number; failed: number; pendingFailures: number; held: number };
  stop(): Promise<void>;
}

/** An HTTP proxy in front of the local SES (`target`), failing requests on demand. */
export async function startMailFaultProxy(options: { target: string; port: number }): Promise<MailFaultProxy> {
  const target = new URL(options.target);
  const stats = { forwarded: 0, failed: 0, pendingFailures: 0, held: 0 };
  let holding = false;
  const waiting: Array<() => void> = [];
  const server: Server = createServer((incoming, outgoing) => {
    if (holding) {
      stats.held += 1;
      waiting.push(() => server.emit('request', incoming, outgoing));
      return;
    }
    if (stats.pendingFailures > 0) {
      stats.pendingFailures -= 1;
      stats.failed += 1;
      incoming.resume();
      incoming.on('end', () => {
        const body = '<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Receiver</Type>'
          + '<Code>ServiceUnavailable</Code><Message>Service Unavailable (injected by the local stack)</Message></Error>'
          + `<RequestId>${randomUUID()}</RequestId></ErrorResponse>`;
        outgoing.writeHead(503, { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(body) });
        outgoing.end(body);
      });
      return;
    }
    stats.forwarded += 1;
    const forward = httpRequest(
      { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, host: target.host } },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forward.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(forward);
  });
  const url = await listenLocally(server, options.port);
  return {
    url,
    failNext: (count) => (stats.pendingFailures = Math.max(0, Math.floor(count))),
    hold: (held) => {
      holding = held;
      if (!held) waiting.splice(0).forEach((forward) => forward());
    },
    stats,
    stop: () => {
      holding = false;
      waiting.splice(0).forEach((forward) => forward());
      return closeServer(server);
    },
  };
}

export interface TcpFaultProxy {
  readonly url: string;
  /** Drops every open connection and refuses new ones for `ms` milliseconds (0: reachable again at once). */
  unreachableFor(ms: number): void;
  readonly stats: { connections: number; dropped: number; refused: number; unreachableUntil: number };
  stop(): Promise<void>;
}

/** A TCP proxy in front of DynamoDB Local (`target`), unreachable on demand. */
export async function startTcpFaultProxy(options: { target: string; port: number }): Promise<TcpFaultProxy> {
  const target = new URL(options.target);
  const open = new Set<Socket>();
  const stats = { connections: 0, dropped: 0, refused: 0, unreachableUntil: 0 };
  const server: TcpServer = createTcpServer((client) => {
    if (Date.now() < stats.unreachableUntil) {
      stats.refused += 1;
      client.resetAndDestroy();
      return;
    }
    stats.connections += 1;
    const upstream = connect({ host: target.hostname, port: Number(target.port) });
    open.add(client);
    open.add(upstream);
    const close = () => {
      open.delete(client);
      open.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    unreachableFor: (ms) => {
      stats.unreachableUntil = Date.now() + ms;
      if (ms <= 0) return;
      for (const socket of open) {
        stats.dropped += 1;
        socket.resetAndDestroy();
      }
      open.clear();
    },
    stats,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export type TaskFaultMode = 'fail' | 'crash-after-first-write';

interface ArmedTaskFault {
  mode: TaskFaultMode;
  remaining: number;
}

interface CrashScope {
  dead: boolean;
  crash(): void;
}

const WRITE_COMMAND = /^(PutItem|UpdateItem|DeleteItem|TransactWriteItems|BatchWriteItem)Command$/;

/** Faults armed per task function; `run` wraps every local task invocation. */
export class TaskFaults {
  private readonly armed = new Map<TaskFunctionId, ArmedTaskFault>();
  private readonly scopes = new AsyncLocalStorage<CrashScope>();
  readonly stats: Record<string, { failed: number; crashed: number }> = {};
  private crashInjection: Promise<void> | undefined;

  /**
   * On the handlers' own DynamoDB and SES clients (one per process, as in a Lambda container):
   * after the crash point, this invocation's calls never return, so a crashed invocation neither
   * writes nor sends anything more. Installed when first needed, so that the stack itself never
   * loads a function's module outside that function's environment.
   */
  private installCrashInjection(): Promise<void> {
    this.crashInjection ??= Promise.all([import('../../functions/store/table'), import('../../functions/mail/send-email')]).then(([{ db }, { ses }]) => {
      db().middlewareStack.add((next, context) => async (args) => {
        const scope = this.scopes.getStore();
        if (scope?.dead) return new Promise<never>(() => undefined);
        const output = await next(args);
        if (scope && WRITE_COMMAND.test(String(context.commandName))) scope.crash();
        return output;
      }, { step: 'initialize', name: 'localCrashInjection' });
      ses().middlewareStack.add((next) => async (args) => {
        if (this.scopes.getStore()?.dead) return new Promise<never>(() => undefined);
        return next(args);
      }, { step: 'initialize', name: 'localCrashInjection' });
    });
    return this.crashInjection;
  }

  arm(functionId: TaskFunctionId, mode: TaskFaultMode, times: number): void {
    this.armed.set(functionId, { mode, remaining: times });
  }

  clear(): void {
    this.armed.clear();
  }

  /** Runs one invocation of a task function, with its armed fault if any. */
  run<R>(functionId: TaskFunctionId, invoke: () => Promise<R>): Promise<R> {
    const fault = this.armed.get(functionId);
    if (!fault || fault.remaining <= 0) return invoke();
    fault.remaining -= 1;
    const stats = (this.stats[functionId] ??= { failed: 0, crashed: 0 });
    if (fault.mode === 'fail') {
      stats.failed += 1;
      return Promise.reject(Object.assign(new Error(`${functionId} failed (injected by the local stack)`), { name: 'InjectedFault' }));
    }
    return this.installCrashInjection().then(() => new Promise<R>((resolve, reject) => {
      const scope: CrashScope = {
        dead: false,
        crash: () => {
          if (scope.dead) return;
          scope.dead = true;
          stats.crashed += 1;
          reject(deadRuntimeError('signal: killed (injected by the local stack)'));
        },
      };
      this.scopes.run(scope, () => invoke()).then(
        (result) => !scope.dead && resolve(result),
        (error: unknown) => !scope.dead && reject(error),
      );
    }));
  }
}

export interface LocalFaults {
  readonly mail: MailFaultProxy;
  readonly dynamodb: TcpFaultProxy;
  readonly tasks: TaskFaults;
  stop(): Promise<void>;
}

/** The proxies in front of the local SES and DynamoDB Local, and the task faults. */
export async function startLocalFaults(options: { mail: { target: string; port: number }; dynamodb: { target: string; port: number } }): Promise<LocalFaults> {
  const mail = await startMailFaultProxy(options.mail);
  const dynamodb = await startTcpFaultProxy(options.dynamodb);
  return {
    mail,
    dynamodb,
    tasks: new TaskFaults(),
    stop: async () => {
      await mail.stop();
      await dynamodb.stop();
    },
  };
}

/**
 * `/local/faults` on the app's port:
 * - `GET /local/faults`: what was injected so far;
 * - `POST /local/faults/mail` `{"failNext": 5}`, or `{"hold": true}` to keep requests waiting until `{"hold": false}`;
 * - `POST /local/faults/dynamodb` `{"unreachableForMs": 3000}`;
 * - `POST /local/faults/tasks` `{"functionId": "seal-certificate", "mode": "fail" | "crash-after-first-write", "times": 1}`;
 * - `DELETE /local/faults`: disarm everything.
 */
export function faultControlEndpoint(faults: LocalFaults): LocalEndpoint {
  const status = () => ({ mail: faults.mail.stats, dynamodb: faults.dynamodb.stats, tasks: faults.tasks.stats });
  return async ({ method, path, body }) => {
    if (path !== '/local/faults' && !path.startsWith('/local/faults/')) return undefined;
    if (method === 'GET' && path === '/local/faults') return { status: 200, body: status() };
    if (method === 'DELETE' && path === '/local/faults') {
      faults.mail.failNext(0);
      faults.mail.hold(false);
      faults.dynamodb.unreachableFor(0);
      faults.tasks.clear();
      return { status: 200, body: status() };
    }
    if (method !== 'POST') return { status: 405, body: { message: 'Use GET, POST or DELETE.' } };
    let request: Record<string, unknown>;
    try {
      request = JSON.parse((await body()).toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      return { status: 400, body: { message: 'The body must be JSON.' } };
    }
    const count = (name: string, max: number) => {
      const value = request[name];
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max ? value : undefined;
    };
    switch (path) {
      case '/local/faults/mail': {
        if (typeof request.hold === 'boolean') {
          faults.mail.hold(request.hold);
          return { status: 200, body: status() };
        }
        const failNext = count('failNext', 1000);
        if (failNext === undefined) return { status: 400, body: { message: 'Send failNext, a whole number from 0 to 1000, or hold, true or false.' } };
        faults.mail.failNext(failNext);
        return { status: 200, body: status() };
      }
      case '/local/faults/dynamodb': {
        const ms = count('unreachableForMs', 120_000);
        if (ms === undefined) return { status: 400, body: { message: 'unreachableForMs must be a whole number from 0 to 120000.' } };
        faults.dynamodb.unreachableFor(ms);
        return { status: 200, body: status() };
      }
      case '/local/faults/tasks': {
        const functionId = String(request.functionId ?? '');
        const mode = request.mode;
        const times = count('times', 1000);
        if (!(functionId in TASK_FUNCTIONS)) return { status: 400, body: { message: `functionId must be one of ${Object.keys(TASK_FUNCTIONS).join(', ')}.` } };
        if (mode !== 'fail' && mode !== 'crash-after-first-write') return { status: 400, body: { message: 'mode must be "fail" or "crash-after-first-write".' } };
        if (times === undefined) return { status: 400, body: { message: 'times must be a whole number from 0 to 1000.' } };
        faults.tasks.arm(functionId as TaskFunctionId, mode, times);
        return { status: 200, body: status() };
      }
      default:
        return { status: 404, body: { message: 'Not Found' } };
    }
  };
}


