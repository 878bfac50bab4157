import { API_CONTRACT } from '../../api/contract';
import { countersignCommitments, type CountersignRequest } from '../../operations/countersign-commitments';
import { httpHandler, pathParameter, requireCaller } from '../../shared/api-handler';
import { json, parseJsonBody } from '../../shared/http';

/** POST /api/commitments/{id}/countersignature (one) and POST /api/declarations/{id}/countersignatures (many). */
export const handler = httpHandler(async (event, caller) => {
  const admin = requireCaller(caller);
  const commitmentId = event.pathParameters?.commitmentId;
  const request: CountersignRequest = commitmentId
    ? { commitmentId }
    : { declarationId: pathParameter(event, 'declarationId'), selection: parseJsonBody(event, API_CONTRACT['POST /api/declarations/{declarationId}/countersignatures'].body) };
  const results = await countersignCommitments(request, admin);
  if (commitmentId) return json(200, results[0]);
  const count = (kind: string) => results.filter((result) => result.result === kind).length;
  return json(200, { countersigned: count('countersigned'), alreadyCountersigned: count('already-countersigned'), notReady: count('not-ready'), notFound: count('not-found'), results });
});
