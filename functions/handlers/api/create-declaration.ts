import { API_CONTRACT } from '../../api/contract';
import { placeInDeclaration } from '../../domain/declaration';
import { createDeclaration } from '../../operations/create-declaration';
import { httpHandler, requireCaller } from '../../shared/api-handler';
import { json, parseJsonBody } from '../../shared/http';

export const handler = httpHandler(async (event, caller) => {
  const input = parseJsonBody(event, API_CONTRACT['POST /api/declarations'].body, undefined, placeInDeclaration);
  const declaration = await createDeclaration(input, requireCaller(caller));
  return json(201, declaration);
});
