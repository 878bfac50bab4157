import { declarationStatus } from '../../operations/declaration-status';
import { httpHandler, pathParameter } from '../../shared/api-handler';
import { json } from '../../shared/http';

export const handler = httpHandler(async (event) => json(200, await declarationStatus(pathParameter(event, 'declarationId'))));
