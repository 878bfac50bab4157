import { API_CONTRACT } from '../../api/contract';
import { declarationStatus } from '../../operations/declaration-status';
import { httpHandler, pathParameter } from '../../shared/api-handler';
import { json, parseQuery } from '../../shared/http';

export const handler = httpHandler(async (event) => {
  const { state, category, country, q, ...paging } = parseQuery(event, API_CONTRACT['GET /api/declarations/{declarationId}'].query);
  return json(200, await declarationStatus(pathParameter(event, 'declarationId'), { states: state, categories: category, countries: country, search: q, ...paging }));
});
