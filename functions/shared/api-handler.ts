import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { decideAccess, type Caller } from './access';
import { DomainError, type DomainErrorCode } from './errors';
import { json, type HttpResponse } from './http';
import { logger } from './logger';

const STATUS_BY_CODE: Readonly<Record<DomainErrorCode, number>> = {
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  LINK_UNKNOWN: 404,
  LINK_EXPIRED: 410,
  LINK_USED: 410,
  LINK_REVOKED: 410,
  ALREADY_DONE: 409,
  WRONG_STATE: 409,
  DECLARATION_CLOSED: 409,
};

export function statusOf(error: DomainError): number {
  return STATUS_BY_CODE[error.code];
}

type Operation = (event: APIGatewayProxyEventV2, caller: Caller | undefined) => Promise<HttpResponse>;

/**
 * The frame of every HTTP handler: the route's access rule from the catalog, typed domain errors
 * mapped to 4xx answers, and a 500 without internals for anything unexpected. Logs carry the
 * route key, never the raw path (signing links hold a secret in it).
 */
export function httpHandler(operation: Operation, renderError: (status: number, error: DomainError) => HttpResponse = jsonError) {
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
    try {
      const access = decideAccess(event);
      if (!access.allowed) return json(access.status, { message: access.message });
      return await operation(event, access.caller);
    } catch (error) {
      if (error instanceof DomainError) return renderError(statusOf(error), error);
      logger.error('request failed', { route: event.routeKey, requestId: event.requestContext?.requestId, error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error) });
      return renderError(500, new DomainError('WRONG_STATE', 'Something went wrong on our side. Nothing was changed; please try again in a minute.'));
    }
  };
}

function jsonError(status: number, error: DomainError): HttpResponse {
  return json(status, { message: error.message, code: status === 500 ? 'INTERNAL' : error.code, ...(error.details.length > 0 ? { details: error.details } : {}) });
}

export function requireCaller(caller: Caller | undefined): Caller {
  if (!caller) throw new Error('route without a caller reached an operation that needs one');
  return caller;
}

export function pathParameter(event: APIGatewayProxyEventV2, name: string): string {
  const value = event.pathParameters?.[name];
  if (!value) throw new DomainError('INVALID_INPUT', `The address is missing ${name}.`);
  return value;
}
