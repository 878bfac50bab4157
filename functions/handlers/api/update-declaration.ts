import { API_CONTRACT } from '../../api/contract';
import { placeInDeclaration } from '../../domain/declaration';
import { updateDeclaration } from '../../operations/update-declaration';
import { httpHandler, pathParameter, requireCaller } from '../../shared/api-handler';
import { json, parseJsonBody } from '../../shared/http';

export const handler = httpHandler(async (event, caller) => {
  const input = parseJsonBody(event, API_CONTRACT['PUT /api/declarations/{declarationId}'].body, undefined, placeInDeclaration);
  return json(200, await updateDeclaration(pathParameter(event, 'declarationId'), input, requireCaller(caller)));
});
