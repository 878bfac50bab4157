/**
 * The wire format of the Step Functions API (AWS JSON 1.0): `POST /` with the operation in the
 * `X-Amz-Target: AWSStepFunctions.<Operation>` header and a JSON body; errors are HTTP 4xx/5xx with
 * `{"__type": "<namespace>#<ErrorName>", "message": "..."}`. The SDK keeps what follows the `#`,
 * so `err.name` is the bare error name (and the error is an instance of the SDK's modelled class).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { outlastClientKeepAlive } from './aws-local';

const TARGET_PREFIX = 'AWSStepFunctions.';
const CONTENT_TYPE = 'application/x-amz-json-1.0';
/** The namespace Step Functions itself puts in `__type`. */
const SERVICE_NAMESPACE = 'com.amazonaws.swf.service.v2.model';
/** The namespace of the errors every AWS JSON service shares. */
const COMMON_NAMESPACE = 'com.amazon.coral.service';

/** The errors the Step Functions model declares (the subset this local service answers with). */
export type StepFunctionsErrorName =
  | 'ExecutionAlreadyExists'
  | 'ExecutionDoesNotExist'
  | 'InvalidArn'
  | 'InvalidExecutionInput'
  | 'InvalidName'
  | 'InvalidOutput'
  | 'InvalidToken'
  | 'StateMachineDoesNotExist'
  | 'TaskDoesNotExist'
  | 'TaskTimedOut'
  | 'ValidationException';

type CommonErrorName = 'UnknownOperationException' | 'SerializationException' | 'InternalFailure';

/** An error answered to the caller as the Step Functions API would. */
export class StepFunctionsServiceError extends Error {
  readonly namespace: string;

  constructor(
    override readonly name: StepFunctionsErrorName | CommonErrorName,
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
    this.namespace = isCommonError(name) ? COMMON_NAMESPACE : SERVICE_NAMESPACE;
  }
}

function isCommonError(name: string): name is CommonErrorName {
  return name === 'UnknownOperationException' || name === 'SerializationException' || name === 'InternalFailure';
}

export type ApiRequest = Readonly<Record<string, unknown>>;
export type ApiOperation = (request: ApiRequest) => object | Promise<object>;

/** An HTTP server answering the given operations (by name, e.g. `StartExecution`). */
export function createStepFunctionsServer(operations: Readonly<Record<string, ApiOperation>>): Server {
  return createServer((request, response) => {
    void answer(operations, request, response);
  });
}

/** Starts listening (port 0: any free port) and resolves with the endpoint URL. */
export function listen(server: Server, host: string, port: number): Promise<string> {
  outlastClientKeepAlive(server);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const { port: boundPort } = server.address() as AddressInfo;
      resolve(`http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`);
    });
  });
}

/** Closes the server, including the keep-alive connections SDK clients hold open. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

async function answer(
  operations: Readonly<Record<string, ApiOperation>>,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const requestId = randomUUID();
  try {
    const operation = findOperation(operations, request);
    const body = await readBody(request);
    const result = await operation(parseRequestBody(body));
    send(response, 200, requestId, result);
  } catch (error) {
    const serviceError = error instanceof StepFunctionsServiceError
      ? error
      : new StepFunctionsServiceError('InternalFailure', error instanceof Error ? error.message : String(error), 500);
    send(response, serviceError.statusCode, requestId, {
      __type: `${serviceError.namespace}#${serviceError.name}`,
      message: serviceError.message,
    });
  }
}

function findOperation(operations: Readonly<Record<string, ApiOperation>>, request: IncomingMessage): ApiOperation {
  const target = request.headers['x-amz-target'];
  const name = typeof target === 'string' && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
  const operation = request.method === 'POST' && Object.hasOwn(operations, name) ? operations[name] : undefined;
  if (!operation) {
    throw new StepFunctionsServiceError('UnknownOperationException', `Operation not supported locally: ${String(target)}`);
  }
  return operation;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseRequestBody(body: string): ApiRequest {
  if (body.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as ApiRequest;
  } catch {
    // answered below
  }
  throw new StepFunctionsServiceError('SerializationException', 'The request body is not a JSON object');
}

function send(response: ServerResponse, statusCode: number, requestId: string, body: object): void {
  const payload = JSON.stringify(body);
  response.writeHead(statusCode, {
    'content-type': CONTENT_TYPE,
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': requestId,
  });
  response.end(payload);
}

/** A required string field of a request, with the model's length limit. */
export function requiredString(request: ApiRequest, field: string, maxLength = Number.MAX_SAFE_INTEGER): string {
  const value = optionalString(request, field, maxLength);
  if (value === undefined || value === '') {
    throw new StepFunctionsServiceError('ValidationException', `1 validation error detected: '${field}' must not be null or empty`);
  }
  return value;
}

/** An optional string field of a request, with the model's length limit. */
export function optionalString(request: ApiRequest, field: string, maxLength = Number.MAX_SAFE_INTEGER): string | undefined {
  const value = request[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    throw new StepFunctionsServiceError('ValidationException', `1 validation error detected: '${field}' must be a string`);
  }
  if (value.length > maxLength) {
    throw new StepFunctionsServiceError(
      'ValidationException',
      `1 validation error detected: '${field}' must have length less than or equal to ${maxLength}`,
    );
  }
  return value;
}

/** An optional integer field of a request. */
export function optionalInteger(request: ApiRequest, field: string): number | undefined {
  const value = request[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new StepFunctionsServiceError('ValidationException', `1 validation error detected: '${field}' must be an integer`);
  }
  return value;
}

/** A timestamp as the SDK's JSON codec reads it: epoch seconds. */
export function epochSeconds(date: Date): number {
  return date.getTime() / 1000;
}
