import { DomainError } from '../../domain/errors';
import { httpHandler, pathParameter } from '../../shared/api-handler';
import { binary } from '../../shared/http';
import { readJointDeclaration } from '../../store/joint-declarations';

export const handler = httpHandler(async (event) => {
  const declarationId = pathParameter(event, 'declarationId');
  const document = await readJointDeclaration(declarationId);
  if (!document) throw new DomainError('NOT_FOUND', `No joint declaration has been made for ${declarationId} yet; an admin makes it once the declaration is closed.`);
  const response = binary('application/pdf', document.bytes, `ports-alliance-joint-declaration-${declarationId}.pdf`);
  response.headers['x-content-sha256'] = document.record.sha256;
  return response;
});
