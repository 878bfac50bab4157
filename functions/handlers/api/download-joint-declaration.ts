import { downloadJointDeclaration } from '../../operations/download-joint-declaration';
import { httpHandler, pathParameter } from '../../shared/api-handler';
import { json } from '../../shared/http';

export const handler = httpHandler(async (event) => json(200, await downloadJointDeclaration(pathParameter(event, 'declarationId'))));
