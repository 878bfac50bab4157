import { API_CONTRACT } from '../../api/contract';
import { findDocuments } from '../../operations/find-documents';
import { httpHandler } from '../../shared/api-handler';
import { json, parseQuery } from '../../shared/http';

export const handler = httpHandler(async (event) => {
  const { declarationId, category, country, q, sealedFrom, sealedTo } = parseQuery(event, API_CONTRACT['GET /api/documents'].query);
  return json(200, { documents: await findDocuments(declarationId, { categories: category, countries: country, search: q, sealedFrom, sealedTo }) });
});
