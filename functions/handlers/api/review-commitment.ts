import { API_CONTRACT } from '../../api/contract';
import { reviewCommitments, type ReviewRequest } from '../../operations/review-commitment';
import { httpHandler, pathParameter, requireCaller } from '../../shared/api-handler';
import { json, parseJsonBody } from '../../shared/http';

/** POST /api/commitments/{id}/review (one) and POST /api/declarations/{id}/reviews (several, one decision and reason). */
export const handler = httpHandler(async (event, caller) => {
  const admin = requireCaller(caller);
  const commitmentId = event.pathParameters?.commitmentId;
  const request: ReviewRequest = commitmentId
    ? { commitmentId, review: parseJsonBody(event, API_CONTRACT['POST /api/commitments/{commitmentId}/review'].body) }
    : bulkRequest(pathParameter(event, 'declarationId'), parseJsonBody(event, API_CONTRACT['POST /api/declarations/{declarationId}/reviews'].body));
  const results = await reviewCommitments(request, admin);
  if (commitmentId) return json(200, { state: results[0]!.state });
  const count = (kind: string) => results.filter((result) => result.result === kind).length;
  return json(200, { approved: count('approved'), rejected: count('rejected'), alreadyReviewed: count('already-reviewed'), notInReview: count('not-in-review'), notFound: count('not-found'), results });
});

function bulkRequest(declarationId: string, body: { commitmentIds: string[]; decision: 'approve' | 'reject'; reason: string }): ReviewRequest {
  return { declarationId, commitmentIds: body.commitmentIds, review: { decision: body.decision, reason: body.reason } };
}
