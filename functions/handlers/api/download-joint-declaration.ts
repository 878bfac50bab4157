import { downloadJointDeclaration } from '../../operations/download-joint-declaration';
import { httpHandler, pathParameter } from '../../shared/api-handler';
import { binary } from '../../shared/http';

export const handler = httpHandler(async (event) => {
  const declarationId = pathParameter(event, 'declarationId');
  const document = await downloadJointDeclaration(declarationId);
  const response = binary('application/pdf', document.bytes, `ports-alliance-joint-declaration-${declarationId}.pdf`);
  response.headers['x-content-sha256'] = document.sha256;
  return response;
});
