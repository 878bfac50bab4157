import { API_CONTRACT } from '../../api/contract';
import { exportCommitments } from '../../operations/export-commitments';
import { httpHandler, pathParameter } from '../../shared/api-handler';
import { parseQuery, text } from '../../shared/http';

export const handler = httpHandler(async (event) => {
  const declarationId = pathParameter(event, 'declarationId');
  const { state, category, country, q, sort, order } = parseQuery(event, API_CONTRACT['GET /api/declarations/{declarationId}/commitments.csv'].query);
  const csv = await exportCommitments(declarationId, { states: state, categories: category, countries: country, search: q, sort, order, page: 1 });
  return text(200, 'text/csv; charset=utf-8', csv, { 'content-disposition': `attachment; filename="commitments-${declarationId}.csv"` });
});
