import { z } from 'zod';
import { textField } from '../../domain/text';
import { reviewCommitment } from '../../operations/review-commitment';
import { httpHandler, pathParameter, requireCaller } from '../../shared/api-handler';
import { json, parseJsonBody } from '../../shared/http';

const reviewSchema = z.object({ decision: z.enum(['approve', 'reject'], { error: 'decision must be "approve" or "reject"' }), reason: textField('reason', 2_000) }).strict();

export const handler = httpHandler(async (event, caller) => {
  const review = parseJsonBody(event, reviewSchema);
  return json(200, await reviewCommitment(pathParameter(event, 'commitmentId'), review, requireCaller(caller)));
});
