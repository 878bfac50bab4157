import { contactCorrectionSchema as contactSchema } from '../../api/schemas';
import { correctContact } from '../../operations/correct-contact';
import { httpHandler, pathParameter, requireCaller } from '../../shared/api-handler';
import { json, parseJsonBody } from '../../shared/http';

/** POST /api/commitments/{commitmentId}/contact {"email": "...", "contactName": "...", "language": "fr"} (any of them) */
export const handler = httpHandler(async (event, caller) => {
  const change = parseJsonBody(event, contactSchema);
  const outcome = await correctContact(pathParameter(event, 'commitmentId'), change, requireCaller(caller));
  return json(200, outcome);
});
