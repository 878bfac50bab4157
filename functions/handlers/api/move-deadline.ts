import { deadlineMoveSchema } from '../../api/schemas';
import { moveDeadline } from '../../operations/move-deadline';
import { httpHandler, pathParameter, requireCaller } from '../../shared/api-handler';
import { json, parseJsonBody } from '../../shared/http';

/** POST /api/declarations/{declarationId}/deadline {"deadline": "2027-06-30T17:00:00Z"} */
export const handler = httpHandler(async (event, caller) => {
  const { deadline } = parseJsonBody(event, deadlineMoveSchema);
  return json(200, await moveDeadline(pathParameter(event, 'declarationId'), deadline, requireCaller(caller)));
});
