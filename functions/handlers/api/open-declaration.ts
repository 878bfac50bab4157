import { openDeclaration } from '../../operations/open-declaration';
import { httpHandler, pathParameter, requireCaller } from '../../shared/api-handler';
import { json } from '../../shared/http';

export const handler = httpHandler(async (event, caller) => json(200, await openDeclaration(pathParameter(event, 'declarationId'), requireCaller(caller))));
