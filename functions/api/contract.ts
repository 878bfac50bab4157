/**
 * What each JSON route of the catalog takes and answers: the request schemas the handlers
 * validate with, and the words of the OpenAPI document. Keyed by the catalog's route key.
 */
import type * as z from '../domain/zod';
import * as schemas from './schemas';

export type MediaType = 'application/json' | 'text/csv' | 'application/pdf' | 'application/x-ndjson' | 'text/html';

export interface OperationContract {
  readonly summary: string;
  readonly description?: string;
  readonly tag: 'Declarations' | 'Invitations' | 'Commitments' | 'Documents' | 'Audit' | 'API' | 'Pages' | 'Signing';
  readonly query?: z.ZodMiniType;
  readonly body?: z.ZodMiniType;
  /** The success answers, by status. Errors (400, 401, 403, 404, 409) are described once for all. */
  readonly responses: Readonly<Record<number, { readonly description: string; readonly mediaType?: MediaType }>>;
}

const json = (description: string) => ({ description, mediaType: 'application/json' as const });

export const API_CONTRACT = {
  'GET /api/openapi.json': { tag: 'API', summary: 'This document', responses: { 200: json('The OpenAPI 3.1 description of the JSON API') } },
  'POST /api/declarations': {
    tag: 'Declarations',
    summary: 'Create a declaration',
    description: 'Open for signing at once, or a draft to edit first with `"draft": true`.',
    body: schemas.createDeclarationSchema,
    responses: { 201: json('The declaration as stored') },
  },
  'GET /api/declarations': { tag: 'Declarations', summary: 'List declarations, newest first', responses: { 200: json('`{ declarations: [...] }`') } },
  'GET /api/declarations/{declarationId}': {
    tag: 'Declarations',
    summary: 'Dashboard: counts, progress, signatures over time, and one page of the commitments',
    description: 'Counts are over every commitment; `state`, `category`, `country` and `q` filter the list only.',
    query: schemas.commitmentListQuerySchema,
    responses: { 200: json('`{ declaration, total, byState, byCategory, byCountry, progress, signaturesOverTime, list, commitments }`') },
  },
  'PUT /api/declarations/{declarationId}': {
    tag: 'Declarations',
    summary: 'Edit a draft (replaces everything written)',
    body: schemas.updateDeclarationSchema,
    responses: { 200: json('The draft as stored') },
  },
  'POST /api/declarations/{declarationId}/opening': { tag: 'Declarations', summary: 'Open a draft for signing', responses: { 200: json('The declaration, now OPEN') } },
  'POST /api/declarations/{declarationId}/closing': {
    tag: 'Declarations',
    summary: 'Close a declaration for signing',
    description: 'No more invitations; every invitation still awaiting a signature is revoked. Repeating it finishes an interrupted close.',
    responses: { 200: json('`{ declaration, revoked, alreadySettled }`') },
  },
  'POST /api/declarations/{declarationId}/invitations': {
    tag: 'Invitations',
    summary: 'Invite organisations (JSON)',
    description: 'Each address once per declaration: repeating an invitation returns the existing commitment.',
    body: schemas.inviteRequestSchema,
    responses: { 200: json('Nobody new was invited'), 201: json('`{ invited, alreadyInvited, results }`') },
  },
  'POST /api/declarations/{declarationId}/invitation-imports': {
    tag: 'Invitations',
    summary: 'Check or import an invitation file (CSV)',
    description: 'Columns: organisation, category, country, email, contact_name, language, email_domains (see docs/console.md, Inviting from a CSV file). '
      + '`check` reports every bad row with its line and reasons; `import` invites only a clean file; `import-valid-rows` invites the good rows.',
    body: schemas.invitationImportSchema,
    responses: { 200: json('The report (`imported` when rows were invited)'), 422: json('The report, when an import was refused: nothing was invited') },
  },
  'GET /api/declarations/{declarationId}/commitments.csv': {
    tag: 'Commitments',
    summary: 'Export the list as CSV',
    query: schemas.commitmentExportQuerySchema,
    responses: { 200: { description: 'UTF-8 CSV with a byte-order mark', mediaType: 'text/csv' } },
  },
  'POST /api/declarations/{declarationId}/countersignatures': {
    tag: 'Commitments',
    summary: 'Countersign the selected commitments, or all verified ones',
    body: schemas.countersignSelectionSchema,
    responses: { 200: json('Counts and one result per commitment') },
  },
  'POST /api/declarations/{declarationId}/reminders': {
    tag: 'Commitments',
    summary: 'Remind the selected organisations, or all still awaiting a signature, now',
    body: schemas.reminderSelectionSchema,
    responses: { 200: json('Counts and one result per commitment') },
  },
  'GET /api/declarations/{declarationId}/audit-trail.jsonl': {
    tag: 'Audit',
    summary: 'Export the audit trail as chained JSON Lines',
    description: 'Each line carries the SHA-256 of the line before (see docs/console.md, The audit trail). Pages continue the chain: '
      + 'follow `x-audit-trail-next` with `after`; `x-audit-trail-head` is the last hash so far.',
    query: schemas.auditTrailQuerySchema,
    responses: { 200: { description: 'JSON Lines', mediaType: 'application/x-ndjson' } },
  },
  'GET /api/commitments/{commitmentId}': { tag: 'Commitments', summary: 'One commitment with its audit trail', responses: { 200: json('`{ commitment, events }`') } },
  'POST /api/commitments/{commitmentId}/countersignature': { tag: 'Commitments', summary: 'Countersign one verified commitment', responses: { 200: json('The result') } },
  'POST /api/commitments/{commitmentId}/review': {
    tag: 'Commitments',
    summary: 'Approve or reject a flagged commitment, with a reason',
    body: schemas.reviewSchema,
    responses: { 200: json('`{ state }`') },
  },
  'POST /api/declarations/{declarationId}/reviews': {
    tag: 'Commitments',
    summary: 'Approve or reject several flagged commitments with one reason',
    description: 'Each commitment is reviewed at most once, with its own audit event; one already reviewed or no longer in review is reported in its result, not refused as a whole.',
    body: schemas.bulkReviewSchema,
    responses: { 200: json('`{ approved, rejected, alreadyReviewed, notInReview, notFound, results }`') },
  },
  'POST /api/commitments/{commitmentId}/revocation': {
    tag: 'Commitments',
    summary: 'Revoke an invitation not yet countersigned',
    body: schemas.revokeSchema,
    responses: { 200: json('`{ state: "REVOKED" }`') },
  },
  'POST /api/commitments/{commitmentId}/reminders': {
    tag: 'Commitments',
    summary: 'Send a reminder with a fresh link now',
    description: 'One email per clickId, however often the request is repeated.',
    body: schemas.reminderSchema,
    responses: { 200: json('The result') },
  },
  'POST /api/commitments/{commitmentId}/resend': {
    tag: 'Commitments',
    summary: 'Email a new signing link to the invited address',
    description: 'Also unlocks a link locked by wrong one-time codes. Send `{"seenResends": n}`, the commitment\'s `resends` as you saw it (0 when absent): '
      + 'the link is resent only if that is still the count, so a repeated click or request sends one email. A request that says nothing (no body, or `{}`) is answered 428 and changes nothing.',
    body: schemas.resendSchema,
    responses: {
      200: json('What was sent: `{ commitmentId, resend, unlocked, expiresAt }`, `resend` being the new count'),
      409: json('Nothing was sent: the link was resent since the count you sent (code `ALREADY_DONE`), the count is not the link\'s, or the invitation no longer awaits its signature'),
      428: json('Nothing was sent: the request had no body, or `{}`, instead of saying how many resends you saw (code `PRECONDITION_REQUIRED`)'),
    },
  },
  'POST /api/commitments/{commitmentId}/contact': {
    tag: 'Commitments',
    summary: 'Correct the contact of an organisation: name, address, language',
    description: 'Any commitment not yet delivered. What is left out stays. Every earlier link and signing session stops working at once; '
      + 'an invitation awaiting its signature gets a fresh link at the corrected address.',
    body: schemas.contactCorrectionSchema,
    responses: { 200: json('`{ commitment, link: { result, message } }`') },
  },
  'POST /api/commitments/{commitmentId}/invitation': {
    tag: 'Commitments',
    summary: 'Invite the organisation of an expired, declined, revoked or rejected commitment again',
    description: 'A new round on the same commitment, with a fresh link by email and its own workflow execution; the earlier round stays in `rounds` '
      + 'and in the audit trail, and its links stop working. Of concurrent requests one starts the round; the others get 409.',
    body: schemas.reinviteSchema,
    responses: { 201: json('`{ commitmentId, round, previousState, linksExpireAt }`') },
  },
  'POST /api/declarations/{declarationId}/deadline': {
    tag: 'Declarations',
    summary: 'Move an open declaration\'s deadline later',
    description: 'Never earlier than it was, nor into the past. The links of every invitation awaiting its signature get the expiry the new deadline allows.',
    body: schemas.deadlineMoveSchema,
    responses: { 200: json('`{ declarationId, deadline, previousDeadline, linksExtended }`') },
  },
  'POST /api/commitments/{commitmentId}/extension': {
    tag: 'Commitments',
    summary: 'Keep the links of an invitation awaiting its signature valid until a later time',
    description: 'At most the declaration\'s deadline (and 180 days from the invitation). Every link already sent follows; nothing is emailed.',
    body: schemas.extensionSchema,
    responses: { 200: json('`{ commitmentId, linksExpireAt, previousExpiry }`') },
  },
  'POST /api/declarations/{declarationId}/joint-declaration': {
    tag: 'Documents',
    summary: 'Make the sealed joint declaration of a closed declaration, with the annex of its signatories',
    responses: {
      200: json('It existed already'),
      201: json('`{ created, jointDeclaration }`'),
      422: json('More countersigned signatories than one joint declaration can list (40,000): nothing was made'),
    },
  },
  'GET /api/declarations/{declarationId}/joint-declaration': {
    tag: 'Documents',
    summary: 'The sealed joint declaration: its record and a download URL valid for five minutes',
    description: 'The URL downloads the PDF byte for byte as sealed, whatever its size.',
    responses: { 200: json('`{ jointDeclaration: { sha256, size, sealedAt, signatoryCount }, download: { url, expiresAt, filename } }`') },
  },
  'POST /api/verify': {
    tag: 'Documents',
    summary: 'Check a document: issued by the Commission, for whom, when, revoked or not (public)',
    description: 'Send `{"sha256": ...}` or `{"documentId": ...}` as JSON, or the PDF itself as `application/pdf`: the answer then also holds `seal`, the validation of its seal (PAdES level, failures and limitations with their codes, the checks made).',
    body: schemas.documentCheckSchema,
    responses: { 200: json('The verdict') },
  },
  'PUT /api/declarations/{declarationId}/notifications': {
    tag: 'Declarations',
    summary: 'Set who in the Commission team is notified, and of what',
    description: 'Replaces the settings whole, while the declaration is a draft or open: `addresses` (an empty list notifies nobody) and `kinds`, in which each kind (`review`, `failure`, `undeliverable`, `declined`, `digest`) left out is on.',
    body: schemas.notificationSettingsUpdateSchema,
    responses: { 200: json('The declaration as stored') },
  },
  'GET /api/documents': {
    tag: 'Documents',
    summary: 'List the sealed documents of a declaration, newest first',
    query: schemas.documentsQuerySchema,
    responses: { 200: json('`{ documents: [...] }`') },
  },
  'GET /api/documents/{commitmentId}': {
    tag: 'Documents',
    summary: 'Download a sealed PDF, byte for byte as sealed',
    description: 'The `x-content-sha256` header carries the SHA-256 recorded when it was sealed.',
    responses: { 200: { description: 'The sealed PDF', mediaType: 'application/pdf' } },
  },
  'POST /api/declarations/{declarationId}/joint-declaration-preview': {
    tag: 'Documents',
    summary: 'Render an unsealed preview of the joint declaration with the signatories so far',
    description: 'For an open declaration: marked as a preview on every page, not sealed, not stored as a record. No request body.',
    responses: { 201: json('`{ preview: { signatoryCount, renderedAt, size }, download: { url, expiresAt, filename } }`') },
  },
  'POST /api/declarations/{declarationId}/document-exports': {
    tag: 'Documents',
    summary: 'Export the sealed PDFs a filter selects as one ZIP (built in the background)',
    description: 'Files are named `<country>/<category>/<organisation>-<short id>.pdf`, with `manifest.csv` and `manifest.json` '
      + '(file, SHA-256, size, commitment id, organisation, country, category, sealing time). Repeating the request with the same '
      + '`requestId` answers the same export. Follow `GET /api/document-exports/{exportId}` until `state` is `READY`.',
    body: schemas.documentExportRequestSchema,
    responses: { 200: json('The export asked for earlier with this requestId'), 202: json('`{ created, export }`: the export, building') },
  },
  'GET /api/document-exports/{exportId}': {
    tag: 'Documents',
    summary: 'The state of a ZIP export and, once ready, a download URL valid for five minutes',
    responses: { 200: json('`{ export }`: `state` (PENDING, BUILDING, READY, FAILED), `total`, `added`, and `download` when READY') },
  },
} as const satisfies Record<string, OperationContract>;

export type ContractedRoute = keyof typeof API_CONTRACT;

export function contractOf(routeKey: string): OperationContract | undefined {
  return (API_CONTRACT as Record<string, OperationContract>)[routeKey];
}
