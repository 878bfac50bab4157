import { resendSigningLink } from '../../operations/resend-signing-link';
import { httpHandler, pathParameter, requireCaller } from '../../shared/api-handler';
import { json } from '../../shared/http';

/** An admin sends a new signing link to the invited address; a lock after wrong codes is cleared. */
export const handler = httpHandler(async (event, caller) => json(200, await resendSigningLink(pathParameter(event, 'commitmentId'), requireCaller(caller))));
