import { extensionSchema } from '../../api/schemas';
import { extendInvitation } from '../../operations/extend-invitation';
import { httpHandler, pathParameter, requireCaller } from '../../shared/api-handler';
import { json, parseJsonBody } from '../../shared/http';

/** POST /api/commitments/{commitmentId}/extension {"until": "2027-03-31T17:00:00Z"} */
export const handler = httpHandler(async (event, caller) => {
  const { until } = parseJsonBody(event, extensionSchema);
  const outcome = await extendInvitation(pathParameter(event, 'commitmentId'), new Date(until), requireCaller(caller));
  return json(200, outcome);
});
