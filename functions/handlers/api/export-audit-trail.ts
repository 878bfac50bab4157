import { API_CONTRACT } from '../../api/contract';
import { exportAuditTrail } from '../../operations/export-audit-trail';
import { httpHandler, pathParameter } from '../../shared/api-handler';
import { parseQuery, text } from '../../shared/http';

export const handler = httpHandler(async (event) => {
  const declarationId = pathParameter(event, 'declarationId');
  const query = parseQuery(event, API_CONTRACT['GET /api/declarations/{declarationId}/audit-trail.jsonl'].query);
  const page = await exportAuditTrail(declarationId, query);
  return text(200, 'application/x-ndjson; charset=utf-8', page.body, {
    'content-disposition': `attachment; filename="audit-trail-${declarationId}.jsonl"`,
    'x-audit-trail-head': page.head,
    'x-audit-trail-events': String(page.events),
    ...(page.next ? { 'x-audit-trail-next': page.next } : {}),
  });
});
