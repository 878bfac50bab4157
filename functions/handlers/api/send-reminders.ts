import { API_CONTRACT } from '../../api/contract';
import { sendReminders, type ReminderRequest } from '../../operations/send-reminders';
import { httpHandler, pathParameter, requireCaller } from '../../shared/api-handler';
import { json, parseJsonBody } from '../../shared/http';

/** POST /api/commitments/{id}/reminders (one) and POST /api/declarations/{id}/reminders (many). */
export const handler = httpHandler(async (event, caller) => {
  const admin = requireCaller(caller);
  const commitmentId = event.pathParameters?.commitmentId;
  let request: ReminderRequest;
  if (commitmentId) {
    const { clickId } = parseJsonBody(event, API_CONTRACT['POST /api/commitments/{commitmentId}/reminders'].body);
    request = { commitmentId, clickId };
  } else {
    const { clickId, ...selection } = parseJsonBody(event, API_CONTRACT['POST /api/declarations/{declarationId}/reminders'].body);
    request = { declarationId: pathParameter(event, 'declarationId'), clickId, selection };
  }
  const results = await sendReminders(request, admin);
  if (commitmentId) return json(200, results[0]);
  const count = (kind: string) => results.filter((result) => result.result === kind).length;
  return json(200, { sent: count('sent'), alreadySent: count('already-sent'), notAwaiting: count('not-awaiting'), notFound: count('not-found'), results });
});
