import { getCommitmentWithTrail } from '../../operations/get-commitment-with-trail';
import { httpHandler, pathParameter } from '../../shared/api-handler';
import { json } from '../../shared/http';

export const handler = httpHandler(async (event) => json(200, await getCommitmentWithTrail(pathParameter(event, 'commitmentId'))));
