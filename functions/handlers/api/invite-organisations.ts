import { inviteRequestSchema } from '../../domain/commitment';
import { inviteOrganisations } from '../../operations/invite-organisations';
import { httpHandler, pathParameter, requireCaller } from '../../shared/api-handler';
import { json, parseJsonBody } from '../../shared/http';

export const handler = httpHandler(async (event, caller) => {
  const { invitations } = parseJsonBody(event, inviteRequestSchema);
  const results = await inviteOrganisations(pathParameter(event, 'declarationId'), invitations, requireCaller(caller));
  const invited = results.filter((result) => result.status === 'invited').length;
  return json(invited > 0 ? 201 : 200, { invited, alreadyInvited: results.length - invited, results });
});
