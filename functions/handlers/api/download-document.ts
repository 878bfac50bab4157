import { DomainError } from '../../domain/errors';
import { httpHandler, pathParameter } from '../../shared/api-handler';
import { binary } from '../../shared/http';
import { readSealedDocument } from '../../store/documents';

export const handler = httpHandler(async (event) => {
  const commitmentId = pathParameter(event, 'commitmentId');
  const document = await readSealedDocument(commitmentId);
  if (!document) throw new DomainError('NOT_FOUND', `No sealed document exists for ${commitmentId} yet.`);
  const response = binary('application/pdf', document.bytes, `ports-alliance-commitment-${commitmentId}.pdf`);
  response.headers['x-content-sha256'] = document.record.sha256;
  return response;
});
