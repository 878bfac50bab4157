import { API_CONTRACT } from '../../api/contract';
import { revokeCommitment } from '../../operations/revoke-commitment';
import { httpHandler, pathParameter, requireCaller } from '../../shared/api-handler';
import { json, parseJsonBody } from '../../shared/http';

export const handler = httpHandler(async (event, caller) => {
  const { reason } = parseJsonBody(event, API_CONTRACT['POST /api/commitments/{commitmentId}/revocation'].body);
  await revokeCommitment(pathParameter(event, 'commitmentId'), reason, requireCaller(caller));
  return json(200, { state: 'REVOKED' });
});
