import { z } from 'zod';
import { textField } from '../../domain/text';
import { revokeCommitment } from '../../operations/revoke-commitment';
import { httpHandler, pathParameter, requireCaller } from '../../shared/api-handler';
import { json, parseJsonBody } from '../../shared/http';

const revokeSchema = z.object({ reason: textField('reason', 2_000) }).strict();

export const handler = httpHandler(async (event, caller) => {
  const { reason } = parseJsonBody(event, revokeSchema);
  await revokeCommitment(pathParameter(event, 'commitmentId'), reason, requireCaller(caller));
  return json(200, { state: 'REVOKED' });
});
