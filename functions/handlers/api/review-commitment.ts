import { API_CONTRACT } from '../../api/contract';
import { reviewCommitment } from '../../operations/review-commitment';
import { httpHandler, pathParameter, requireCaller } from '../../shared/api-handler';
import { json, parseJsonBody } from '../../shared/http';

export const handler = httpHandler(async (event, caller) => {
  const review = parseJsonBody(event, API_CONTRACT['POST /api/commitments/{commitmentId}/review'].body);
  return json(200, await reviewCommitment(pathParameter(event, 'commitmentId'), review, requireCaller(caller)));
});
