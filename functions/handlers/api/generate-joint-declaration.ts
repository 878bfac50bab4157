import { generateJointDeclaration } from '../../operations/generate-joint-declaration';
import { httpHandler, pathParameter, requireCaller } from '../../shared/api-handler';
import { json } from '../../shared/http';

export const handler = httpHandler(async (event, caller) => {
  const { created, record } = await generateJointDeclaration(pathParameter(event, 'declarationId'), requireCaller(caller));
  return json(created ? 201 : 200, { created, jointDeclaration: record });
});
