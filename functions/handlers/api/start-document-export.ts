import { API_CONTRACT } from '../../api/contract';
import { startDocumentExport } from '../../operations/start-document-export';
import { httpHandler, pathParameter, requireCaller } from '../../shared/api-handler';
import { json, parseJsonBody } from '../../shared/http';

export const handler = httpHandler(async (event, caller) => {
  const declarationId = pathParameter(event, 'declarationId');
  const { requestId, states, categories, countries, q, sealedFrom, sealedTo } = parseJsonBody(event, API_CONTRACT['POST /api/declarations/{declarationId}/document-exports'].body);
  const selection = Object.fromEntries(Object.entries({ declarationId, states, categories, countries, search: q?.trim() || undefined, sealedFrom, sealedTo })
    .filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)));
  const result = await startDocumentExport({ requestId, selection: selection as { declarationId: string } }, requireCaller(caller));
  return json(result.created ? 202 : 200, result);
});
