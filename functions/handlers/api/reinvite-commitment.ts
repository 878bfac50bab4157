import { reinviteSchema } from '../../api/schemas';
import { reinviteCommitment } from '../../operations/reinvite-commitment';
import { httpHandler, pathParameter, requireCaller } from '../../shared/api-handler';
import { json, parseJsonBody } from '../../shared/http';

/** POST /api/commitments/{commitmentId}/invitation {}: a new round for an ended invitation. */
export const handler = httpHandler(async (event, caller) => {
  if (event.body) parseJsonBody(event, reinviteSchema);
  const outcome = await reinviteCommitment(pathParameter(event, 'commitmentId'), requireCaller(caller));
  return json(201, outcome);
});
