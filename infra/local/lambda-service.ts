import { createServer, type Server } from 'node:http';
import { closeServer, listenLocally } from './aws-local';

export interface LocalLambdaService {
  readonly url: string;
  /** Asynchronous invocations still running. */
  readonly inFlight: number;
  /** Settles once no asynchronous invocation runs (those they start included). */
  whenIdle(): Promise<void>;
  stop(): Promise<void>;
}

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

/**
 * The Lambda `Invoke` call (REST, `POST /2015-03-31/functions/<name>/invocations`) for the functions
 * that invoke another one, as the export request starts the export builder: `Event` invocations are
 * answered 202 at once and run in the background, as Lambda queues them; `RequestResponse` ones answer
 * the function's result. A function's name is its catalog id locally.
 */
export async function startLocalLambdaService(options: {
  port: number;
  invoke: (functionId: string, event: unknown) => Promise<unknown>;
  isFunction: (functionId: string) => boolean;
}): Promise<LocalLambdaService> {
  const running = new Set<Promise<unknown>>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const fail = (status: number, type: string, message: string) => {
        response.writeHead(status, { 'content-type': 'application/json', 'x-amzn-errortype': type });
        response.end(JSON.stringify({ Type: 'User', message }));
      };
      const name = INVOKE_PATH.exec(new URL(request.url ?? '/', 'http://localhost').pathname)?.[1];
      if (request.method !== 'POST' || name === undefined) return fail(400, 'InvalidRequestContentException', 'Only Invoke is available locally.');
      const functionId = decodeURIComponent(name).split(':').pop()!;
      if (!options.isFunction(functionId)) return fail(404, 'ResourceNotFoundException', `Function not found: ${functionId}`);
      let event: unknown;
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        event = text === '' ? {} : JSON.parse(text);
      } catch {
        return fail(400, 'InvalidRequestContentException', 'Could not parse request body into json');
      }
      const type = String(request.headers['x-amz-invocation-type'] ?? 'RequestResponse');
      if (type === 'Event') {
        // Lambda would retry a failed asynchronous invocation; locally the failure is reported on stderr.
        const run = options.invoke(functionId, event).catch((error: unknown) => {
          process.stderr.write(`asynchronous invocation of ${functionId} failed: ${(error as Error).message}\n`);
        }).finally(() => running.delete(run));
        running.add(run);
        response.writeHead(202, { 'content-type': 'application/json' });
        return response.end();
      }
      if (type !== 'RequestResponse') return fail(400, 'InvalidParameterValueException', `Invocation type ${type} is not available locally.`);
      options.invoke(functionId, event).then((result) => {
        response.writeHead(200, { 'content-type': 'application/json', 'x-amz-executed-version': '$LATEST' });
        response.end(JSON.stringify(result ?? null));
      }, (error: unknown) => {
        response.writeHead(200, { 'content-type': 'application/json', 'x-amz-function-error': 'Unhandled' });
        response.end(JSON.stringify({ errorType: (error as Error).name, errorMessage: (error as Error).message }));
      });
    });
  });
  const url = await listenLocally(server, options.port);
  return {
    url,
    get inFlight() {
      return running.size;
    },
    whenIdle: async () => {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    stop: async () => {
      await closeServer(server);
      await Promise.allSettled([...running]);
    },
  };
}
