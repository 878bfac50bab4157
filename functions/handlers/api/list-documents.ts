import { httpHandler } from '../../shared/api-handler';
import { DomainError } from '../../shared/errors';
import { json } from '../../shared/http';
import { listDocuments } from '../../store/documents';

export const handler = httpHandler(async (event) => {
  const declarationId = event.queryStringParameters?.declarationId;
  if (!declarationId) throw new DomainError('INVALID_INPUT', 'Name the declaration: /api/documents?declarationId=…');
  return json(200, { documents: await listDocuments(declarationId) });
});
