import { previewJointDeclaration } from '../../operations/generate-joint-declaration';
import { httpHandler, pathParameter } from '../../shared/api-handler';
import { json } from '../../shared/http';

export const handler = httpHandler(async (event) => json(201, await previewJointDeclaration(pathParameter(event, 'declarationId'))));
