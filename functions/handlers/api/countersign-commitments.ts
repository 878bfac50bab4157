import { API_CONTRACT } from '../../api/contract';
import { DomainError } from '../../domain/errors';
import { countersignCommitment, countersignMany } from '../../operations/countersign-commitments';
import { httpHandler, pathParameter, requireCaller } from '../../shared/api-handler';
import { json, parseJsonBody } from '../../shared/http';

/** POST /api/commitments/{id}/countersignature (one) and POST /api/declarations/{id}/countersignatures (many). */
export const handler = httpHandler(async (event, caller) => {
  const admin = requireCaller(caller);
  const commitmentId = event.pathParameters?.commitmentId;
  if (commitmentId) {
    const result = await countersignCommitment(commitmentId, admin);
    if (result.result === 'not-found') throw new DomainError('NOT_FOUND', `There is no commitment ${commitmentId}.`);
    if (result.result === 'not-ready') throw new DomainError('WRONG_STATE', result.message);
    return json(200, result);
  }
  const declarationId = pathParameter(event, 'declarationId');
  const selection = parseJsonBody(event, API_CONTRACT['POST /api/declarations/{declarationId}/countersignatures'].body);
  const results = await countersignMany(declarationId, selection, admin);
  const count = (kind: string) => results.filter((result) => result.result === kind).length;
  return json(200, { countersigned: count('countersigned'), alreadyCountersigned: count('already-countersigned'), notReady: count('not-ready'), notFound: count('not-found'), results });
});
