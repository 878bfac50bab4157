import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from '../../domain/zod';
import { API_CONTRACT } from '../../api/contract';
import { DomainError } from '../../domain/errors';
import { resendSigningLink } from '../../operations/resend-signing-link';
import { httpHandler, pathParameter, requireCaller } from '../../shared/api-handler';
import { bodyText, json, parseJsonBody, validate } from '../../shared/http';

const COUNT_REQUIRED = 'Say how many times you saw this link resent: send {"seenResends": n} as JSON, n being the commitment\'s resends (0 when it has none). '
  + 'Nothing was sent.';

/**
 * The resend count the request says its sender saw. A request that says nothing (no body, or `{}`,
 * as the route took before it needed the count) is asked for it (428), not answered blindly; any
 * other body is checked against the schema like every request's.
 */
function seenResendsOf(event: APIGatewayProxyEventV2): number {
  if (bodyText(event).trim() === '') throw new DomainError('PRECONDITION_REQUIRED', COUNT_REQUIRED);
  const body = parseJsonBody(event, z.unknown());
  if (typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0) throw new DomainError('PRECONDITION_REQUIRED', COUNT_REQUIRED);
  return validate(API_CONTRACT['POST /api/commitments/{commitmentId}/resend'].body, body).seenResends;
}

/** An admin sends a new signing link to the invited address; a lock after wrong codes is cleared. */
export const handler = httpHandler(async (event, caller) => {
  const seenResends = seenResendsOf(event);
  return json(200, await resendSigningLink(pathParameter(event, 'commitmentId'), requireCaller(caller), { seenResends }));
});
