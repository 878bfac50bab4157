import { API_CONTRACT } from '../../api/contract';
import { receiveInvitations, type InvitationsRequest } from '../../operations/receive-invitations';
import { httpHandler, pathParameter, requireCaller } from '../../shared/api-handler';
import { json, parseJsonBody } from '../../shared/http';

const IMPORT_ROUTE = 'POST /api/declarations/{declarationId}/invitation-imports';
/** An invitation file of 5,000 rows is about 1 MB; the JSON around it stays under Lambda's 6 MB. */
const MAX_IMPORT_BYTES = 5_500_000;

/** POST /api/declarations/{id}/invitations (JSON) and POST /api/declarations/{id}/invitation-imports (a CSV file). */
export const handler = httpHandler(async (event, caller) => {
  const declarationId = pathParameter(event, 'declarationId');
  const admin = requireCaller(caller);
  const request: InvitationsRequest = event.routeKey === IMPORT_ROUTE
    ? { kind: 'file', file: parseJsonBody(event, API_CONTRACT[IMPORT_ROUTE].body, MAX_IMPORT_BYTES) }
    : { kind: 'list', invitations: parseJsonBody(event, API_CONTRACT['POST /api/declarations/{declarationId}/invitations'].body).invitations };
  const outcome = await receiveInvitations(declarationId, request, admin);
  if (outcome.kind === 'file') {
    const { report } = outcome;
    return json(report.refused ? 422 : 200, report.refused ? { message: report.refused, ...report } : report);
  }
  const { invited, alreadyInvited, results } = outcome;
  return json(invited > 0 ? 201 : 200, { invited, alreadyInvited, results });
});
