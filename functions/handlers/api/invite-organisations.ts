import { API_CONTRACT } from '../../api/contract';
import { importInvitations } from '../../operations/import-invitations';
import { inviteOrganisations } from '../../operations/invite-organisations';
import { httpHandler, pathParameter, requireCaller } from '../../shared/api-handler';
import { json, parseJsonBody } from '../../shared/http';

const IMPORT_ROUTE = 'POST /api/declarations/{declarationId}/invitation-imports';
/** An invitation file of 5,000 rows is about 1 MB; the JSON around it stays under Lambda's 6 MB. */
const MAX_IMPORT_BYTES = 5_500_000;

/** POST /api/declarations/{id}/invitations (JSON) and POST /api/declarations/{id}/invitation-imports (a CSV file). */
export const handler = httpHandler(async (event, caller) => {
  const declarationId = pathParameter(event, 'declarationId');
  const admin = requireCaller(caller);
  if (event.routeKey === IMPORT_ROUTE) {
    const request = parseJsonBody(event, API_CONTRACT[IMPORT_ROUTE].body, MAX_IMPORT_BYTES);
    const report = await importInvitations(declarationId, request, admin);
    return json(report.refused ? 422 : 200, report.refused ? { message: report.refused, ...report } : report);
  }
  const { invitations } = parseJsonBody(event, API_CONTRACT['POST /api/declarations/{declarationId}/invitations'].body);
  const results = await inviteOrganisations(declarationId, invitations, admin);
  const invited = results.filter((result) => result.status === 'invited').length;
  return json(invited > 0 ? 201 : 200, { invited, alreadyInvited: results.length - invited, results });
});
