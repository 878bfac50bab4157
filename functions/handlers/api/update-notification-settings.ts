import { API_CONTRACT } from '../../api/contract';
import { updateNotificationSettings } from '../../operations/update-notification-settings';
import { httpHandler, pathParameter, requireCaller } from '../../shared/api-handler';
import { json, parseJsonBody } from '../../shared/http';

export const handler = httpHandler(async (event, caller) => {
  const settings = parseJsonBody(event, API_CONTRACT['PUT /api/declarations/{declarationId}/notifications'].body);
  return json(200, await updateNotificationSettings(pathParameter(event, 'declarationId'), settings, requireCaller(caller)));
});
