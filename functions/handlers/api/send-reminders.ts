import { API_CONTRACT } from '../../api/contract';
import { DomainError } from '../../domain/errors';
import { remindMany, remindNow } from '../../operations/send-reminders';
import { httpHandler, pathParameter, requireCaller } from '../../shared/api-handler';
import { json, parseJsonBody } from '../../shared/http';

/** POST /api/commitments/{id}/reminders (one) and POST /api/declarations/{id}/reminders (many). */
export const handler = httpHandler(async (event, caller) => {
  const admin = requireCaller(caller);
  const commitmentId = event.pathParameters?.commitmentId;
  if (commitmentId) {
    const { clickId } = parseJsonBody(event, API_CONTRACT['POST /api/commitments/{commitmentId}/reminders'].body);
    const result = await remindNow(commitmentId, clickId, admin);
    if (result.result === 'not-found') throw new DomainError('NOT_FOUND', `There is no commitment ${commitmentId}.`);
    if (result.result === 'not-awaiting') throw new DomainError('WRONG_STATE', result.message);
    return json(200, result);
  }
  const { clickId, ...selection } = parseJsonBody(event, API_CONTRACT['POST /api/declarations/{declarationId}/reminders'].body);
  const results = await remindMany(pathParameter(event, 'declarationId'), selection, clickId, admin);
  const count = (kind: string) => results.filter((result) => result.result === kind).length;
  return json(200, { sent: count('sent'), alreadySent: count('already-sent'), notAwaiting: count('not-awaiting'), notFound: count('not-found'), results });
});
