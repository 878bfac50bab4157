/** The worker side of infra/local/worker-container.ts: a local Lambda runtime for the hosted functions. */
import { parentPort, workerData } from 'node:worker_threads';
import { setTimeSource } from '../../functions/shared/clock';
import { timeSourceAhead } from './clock';
import { LocalLambdaRuntime } from './lambda-runtime';
import type { WorkerContainerData, WorkerContainerReply, WorkerContainerRequest } from './worker-container';

const data = workerData as WorkerContainerData;
const port = parentPort!;
if (data.clockOffset) setTimeSource(timeSourceAhead(data.clockOffset));
const runtime = new LocalLambdaRuntime(data.functions, data.options);

port.on('message', (request: WorkerContainerRequest) => {
  const work = request.kind === 'load' ? runtime.load(request.functionId) : runtime.invoke(request.functionId, request.event);
  work.then(
    (result) => {
      try {
        port.postMessage({ id: request.id, result } satisfies WorkerContainerReply);
      } catch (error) {
        // A result that cannot cross (a function, a class instance's methods): Lambda could not serialise it either.
        reply(request.id, error);
      }
    },
    (error: unknown) => reply(request.id, error),
  );
});

function reply(id: number, error: unknown): void {
  const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
  port.postMessage({ id, error: { name, message, stack } } satisfies WorkerContainerReply);
}
