import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { DomainError, type DomainErrorCode } from '../domain/errors';
import { decideAccess, type Caller } from './access';
import { cameThroughEdge } from './edge';
import { json, type HttpResponse } from './http';
import { addLambdaContext, loggableError, logger } from './logger';
import { pathParameterRefusal } from './path-parameters';

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
  LINK_LOCKED: 403,
  SESSION_UNKNOWN: 404,
  SESSION_EXPIRED: 410,
  SESSION_USED: 410,
  CODE_REQUIRED: 403,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_LARGE: 422,
  PRECONDITION_REQUIRED: 428,
};

export function statusOf(error: DomainError): number {
  return STATUS_BY_CODE[error.code];
}

/** The answer to a request that reached the API without passing CloudFront and AWS WAF. */
const BYPASS_REFUSED = 'This service answers only at its public web address; send the request there.';

type Operation = (event: APIGatewayProxyEventV2, caller: Caller | undefined) => Promise<HttpResponse>;

/** Renders a typed error (or, with status 500, an unexpected one); the event lets a page speak the reader's language. */
export type ErrorRenderer = (status: number, error: DomainError, event: APIGatewayProxyEventV2) => HttpResponse;

/**
 * The frame of every HTTP handler: path parameters that cannot be ours refused first (as an unknown
 * id, before anything else is read), then the route's access rule from the catalog, typed domain
 * errors mapped to 4xx answers, and a 500 without internals for anything unexpected. Logs carry the
 * Lambda context and the route key, never the raw path (signing links hold a secret in it).
 */
export function httpHandler(operation: Operation, renderError: ErrorRenderer = jsonError) {
  return async (event: APIGatewayProxyEventV2, context?: Context): Promise<APIGatewayProxyResultV2> => {
    addLambdaContext(context);
    try {
      if (!(await cameThroughEdge(event))) return json(403, { message: BYPASS_REFUSED, code: 'FORBIDDEN' });
      const refusal = pathParameterRefusal(event.pathParameters);
      if (refusal) throw refusal;
      const access = decideAccess(event);
      if (!access.allowed) return json(access.status, { message: access.message });
      return await operation(event, access.caller);
    } catch (error) {
      if (error instanceof DomainError) return renderError(statusOf(error), error, event);
      logger.error('request failed', { route: event.routeKey, requestId: event.requestContext?.requestId, error: loggableError(error, true) });
      return renderError(500, new DomainError('WRONG_STATE', 'Something went wrong on our side. Nothing was changed; please try again in a minute.'), event);
    }
  };
}

/** How the JSON API words a refusal: `message`, a `code`, `details` when there are several problems, and `fields` (path and message) when they are fields'. */
export function jsonError(status: number, error: DomainError): HttpResponse {
  return json(status, {
    message: error.message,
    code: status === 500 ? 'INTERNAL' : error.code,
    ...(error.details.length > 0 ? { details: error.details } : {}),
    ...(error.fields.length > 0 ? { fields: error.fields } : {}),
  });
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
