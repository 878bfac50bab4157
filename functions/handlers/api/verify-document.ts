import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { DomainError } from '../../domain/errors';
import { verifyDocument, type VerificationQuery } from '../../operations/verify-document';
import { httpHandler, jsonError } from '../../shared/api-handler';
import { json, page, parseJsonBody } from '../../shared/http';
import { readMultipartForm } from '../../shared/multipart';
import { documentCheckSchema as jsonQuery } from '../../api/schemas';
import { OPERATOR_PAGE_CSP } from '../../../templates/pages/layout';
import { verifyPage } from '../../../templates/pages/verify-page';

/**
 * The public check of a document: `GET /verify` (form; `?sha256=` or `?document=` answer at once),
 * `GET /verify/{documentId}` (the address printed in every PDF), `POST /verify` (the form: a file or a
 * SHA-256) and `POST /api/verify` (JSON, or the PDF as the body). It changes nothing.
 */
export const handler = httpHandler(async (event) => {
  if (event.routeKey === 'POST /api/verify') return json(200, await verifyDocument(apiQuery(event)));
  try {
    const query = await pageQuery(event);
    const answer = query ? await verifyDocument(query) : undefined;
    // The address of a document we never issued names nothing: 404, with the answer and the form.
    const named = query !== undefined && 'documentId' in query;
    return page(named && !answer?.issued ? 404 : 200, verifyPage(answer ? { answer } : {}), OPERATOR_PAGE_CSP);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'INVALID_INPUT') return page(400, verifyPage({ problem: error.message }), OPERATOR_PAGE_CSP);
    throw error;
  }
}, (status, error, event) => (event.routeKey === 'POST /api/verify' ? jsonError(status, error) : page(status, verifyPage({ problem: error.message }), OPERATOR_PAGE_CSP)));

function apiQuery(event: APIGatewayProxyEventV2): VerificationQuery {
  if (contentType(event).startsWith('application/pdf')) return { pdf: bodyBytes(event) };
  return parseJsonBody(event, jsonQuery);
}

async function pageQuery(event: APIGatewayProxyEventV2): Promise<VerificationQuery | undefined> {
  const documentId = event.pathParameters?.documentId ?? event.queryStringParameters?.document;
  if (event.requestContext.http.method === 'GET') {
    if (documentId) return { documentId };
    const sha256 = event.queryStringParameters?.sha256;
    return sha256 ? { sha256 } : undefined;
  }
  const read = await readMultipartForm(contentType(event, { keepCase: true }), bodyBytes(event));
  if ('problem' in read) throw new DomainError('INVALID_INPUT', FORM_PROBLEMS[read.problem]);
  for (const file of read.form.getAll('file')) {
    if (file instanceof File && file.size > 0) return { pdf: new Uint8Array(await file.arrayBuffer()) };
  }
  const sha256 = read.form.get('sha256');
  if (typeof sha256 === 'string' && sha256.trim()) return { sha256: sha256.trim() };
  throw new DomainError('INVALID_INPUT', 'Choose a PDF file or enter its SHA-256.');
}

const FORM_PROBLEMS = {
  'not-multipart': 'Send the form on this page.',
  malformed: 'The form arrived incomplete or garbled. Choose the file again and send the form on this page.',
  'too-many-parts': 'The form holds more fields than this page has. Send the form on this page.',
} as const;

/** Lower case for comparing the media type; as sent when a multipart boundary (case-sensitive) is read from it. */
function contentType(event: APIGatewayProxyEventV2, options: { keepCase?: boolean } = {}): string {
  const entry = Object.entries(event.headers ?? {}).find(([name]) => name.toLowerCase() === 'content-type');
  const value = entry?.[1] ?? '';
  return options.keepCase ? value : value.toLowerCase();
}

function bodyBytes(event: APIGatewayProxyEventV2): Buffer {
  if (!event.body) return Buffer.alloc(0);
  return Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
}
