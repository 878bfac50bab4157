import { downloadSealedDocument } from '../../operations/download-sealed-document';
import { httpHandler, pathParameter } from '../../shared/api-handler';
import { binary } from '../../shared/http';

export const handler = httpHandler(async (event) => {
  const commitmentId = pathParameter(event, 'commitmentId');
  const document = await downloadSealedDocument(commitmentId);
  const response = binary('application/pdf', document.bytes, `ports-alliance-commitment-${commitmentId}.pdf`);
  response.headers['x-content-sha256'] = document.sha256;
  return response;
});
