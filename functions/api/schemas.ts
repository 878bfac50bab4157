/**
 * The request schemas of the admin and auditor API. Handlers validate with these, and the
 * OpenAPI document (functions/api/openapi.ts) is generated from them: one definition of each input.
 */
import * as z from '../domain/zod';
import { CATEGORIES } from '../domain/categories';
import { COMMITMENT_STATES } from '../domain/commitment';
import { LIST_SORT_KEYS } from '../domain/commitment-list';
import { ID_PATTERN } from '../domain/ids';
import { emailAddress } from '../domain/commitment';
import { lineField, operatorLanguageCode, textField, wellFormed } from '../domain/text';

export { createDeclarationSchema, updateDeclarationSchema } from '../domain/declaration';
export { inviteRequestSchema } from '../domain/commitment';
/** PUT /api/declarations/{id}/notifications */
export { notificationSettingsUpdateSchema } from '../domain/notifications';

/** Words for the OpenAPI document (functions/api/openapi.ts), kept with the schema they describe. */
function described<S extends z.ZodMiniType>(schema: S, description: string): S {
  z.globalRegistry.add(schema, { description });
  return schema;
}

/** A query parameter listing values separated by commas (a repeated parameter arrives that way too). */
function listParameter<T extends z.ZodMiniType<string>>(item: T, description: string) {
  const parts = z.pipe(
    z.string().check(z.maxLength(2_000)),
    z.transform((value: string) => value.split(',').map((part) => part.trim()).filter((part) => part !== '')),
  );
  // The parts are checked one by one by `item` (zod cannot see that through a generic).
  return described(z.optional(z.pipe(parts, z.array(item).check(z.maxLength(50)) as unknown as z.ZodMiniType<z.output<T>[], string[]>)), description);
}

const PAGE_NUMBER = 'page must be a whole number from 1';
const pageNumber = z.coerce.number({ error: PAGE_NUMBER }).check(z.int(PAGE_NUMBER), z.minimum(1, PAGE_NUMBER));

const listFilters = {
  state: listParameter(z.enum(COMMITMENT_STATES, { error: `state must be among ${COMMITMENT_STATES.join(', ')}` }), 'States to show, comma-separated'),
  category: listParameter(z.enum(CATEGORIES, { error: `category must be among ${CATEGORIES.join(', ')}` }), 'Categories to show, comma-separated'),
  country: listParameter(z.string().check(z.regex(/^[A-Z]{2}$/, 'country must be two-letter codes such as BE')), 'ISO 3166 country codes to show, comma-separated'),
  q: described(
    z.optional(z.string().check(z.maxLength(200, 'q must be at most 200 characters'), wellFormed('q'))),
    'Words to find in the organisation, contact, signer, address or commitment id (case and accents ignored)',
  ),
  sort: z._default(z.enum(LIST_SORT_KEYS, { error: `sort must be one of ${LIST_SORT_KEYS.join(', ')}` }), 'invitedAt'),
  order: z._default(z.enum(['asc', 'desc'], { error: 'order must be asc or desc' }), 'asc'),
};

/** GET /api/declarations/{id}: the dashboard, with one page of the list. */
export const commitmentListQuerySchema = z.strictObject({
  ...listFilters,
  page: z._default(pageNumber, 1),
  pageSize: described(
    z.optional(z.coerce.number({ error: 'pageSize must be a whole number from 1 to 1000' }).check(z.int(), z.minimum(1), z.maximum(1_000, 'pageSize must be at most 1000'))),
    'Rows per page; leave it out for every matching row',
  ),
});

/** GET /api/declarations/{id}/commitments.csv: every matching row, in the list's order. */
export const commitmentExportQuerySchema = z.strictObject(listFilters);

const isoInstant = (label: string) => z.pipe(
  z.iso.datetime({ offset: true, error: `${label} must be a date and time such as 2027-01-31T00:00:00Z` }),
  z.transform((value: string) => new Date(value).toISOString()),
);

/** GET /api/documents */
export const documentsQuerySchema = z.strictObject({
  declarationId: z.string({ error: 'Name the declaration: /api/documents?declarationId=…' }).check(z.regex(ID_PATTERN, 'declarationId must look like dcl_…')),
  category: listFilters.category,
  country: listFilters.country,
  q: described(z.optional(z.string().check(z.maxLength(200), wellFormed('q'))), 'Words to find in the organisation or the commitment id'),
  sealedFrom: described(z.optional(isoInstant('sealedFrom')), 'Sealed at or after this instant'),
  sealedTo: described(z.optional(isoInstant('sealedTo')), 'Sealed before this instant'),
});

/** GET /api/declarations/{id}/audit-trail.jsonl */
export const auditTrailQuerySchema = z.strictObject({
  after: described(
    z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,1000}$/, 'after must be the cursor of the previous page'))),
    'The x-audit-trail-next header of the previous page',
  ),
  limit: described(
    z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(10_000, 'limit must be at most 10000'))),
    'Events per page (default 5000)',
  ),
});

/** POST /api/declarations/{id}/invitation-imports */
export const invitationImportSchema = z.strictObject({
  csv: z.string({ error: 'csv must be the text of the file' }).check(z.minLength(1, 'csv is empty'), z.maxLength(5_000_000, 'the file must be at most 5 MB'), wellFormed('the CSV file')),
  mode: z.enum(['check', 'import', 'import-valid-rows'], { error: 'mode must be check, import or import-valid-rows' }),
  rows: described(
    z.optional(
      z
        .strictObject({ from: z.number().check(z.int(), z.minimum(1)), to: z.number().check(z.int(), z.minimum(1)) })
        .check(z.refine((rows) => rows.to >= rows.from, 'rows.to must not be before rows.from')),
    ),
    'Invite only these data rows (1 = the row after the header) after checking the whole file',
  ),
});

const commitmentId = z.string().check(z.regex(ID_PATTERN, 'each commitment id must look like cmt_…'));

/** POST /api/declarations/{id}/countersignatures */
export const countersignSelectionSchema = z.union(
  [
    z.strictObject({ commitmentIds: z.array(commitmentId).check(z.minLength(1), z.maxLength(5_000)) }),
    z.strictObject({ allVerified: z.literal(true) }),
  ],
  { error: 'send {"commitmentIds": [...]} or {"allVerified": true}' },
);

/** POST /api/commitments/{id}/review */
export const reviewSchema = z.strictObject({
  decision: z.enum(['approve', 'reject'], { error: 'decision must be "approve" or "reject"' }),
  reason: textField('reason', 2_000),
});

/** POST /api/declarations/{id}/reviews: several flagged commitments, one decision and one reason */
export const bulkReviewSchema = z.strictObject({
  commitmentIds: z.array(commitmentId).check(z.minLength(1, 'select at least one commitment'), z.maxLength(1_000, 'at most 1,000 commitments per request')),
  decision: z.enum(['approve', 'reject'], { error: 'decision must be "approve" or "reject"' }),
  reason: textField('reason', 2_000),
});

/** POST /api/commitments/{id}/revocation */
export const revokeSchema = z.strictObject({ reason: textField('reason', 2_000) });

const clickId = described(
  z.uuid({ error: 'clickId must be a UUID the page makes once per click' }),
  'Made once per click: repeating a request with the same clickId sends nothing more',
);

/** POST /api/commitments/{id}/reminders */
export const reminderSchema = z.strictObject({ clickId });

/** POST /api/commitments/{id}/resend: the resend count the sender saw (a request without it is answered 428). */
export const resendSchema = z.strictObject({
  seenResends: described(
    z.number({ error: 'seenResends must be the number of resends you saw, such as 0' }).check(
      z.int('seenResends must be a whole number'),
      z.minimum(0, 'seenResends must be 0 or more'),
      z.maximum(1_000_000, 'seenResends must be at most 1000000'),
    ),
    'How many times the link had been resent when you decided to resend it (the commitment\'s `resends`, 0 when absent): the resend goes only if that is still the count',
  ),
});

/** POST /api/declarations/{id}/reminders */
export const reminderSelectionSchema = z.union(
  [
    z.strictObject({ commitmentIds: z.array(commitmentId).check(z.minLength(1), z.maxLength(500)), clickId }),
    z.strictObject({ allAwaiting: z.literal(true), clickId }),
  ],
  { error: 'send {"commitmentIds": [...], "clickId": "…"} or {"allAwaiting": true, "clickId": "…"}' },
);

/** POST /api/commitments/{id}/contact: the contact's corrected name, address or language (what is left out stays). */
export const contactCorrectionSchema = z
  .strictObject({
    email: z.optional(emailAddress),
    contactName: z.optional(lineField('contact name')),
    language: z.optional(operatorLanguageCode),
  })
  .check(z.refine((body) => body.email !== undefined || body.contactName !== undefined || body.language !== undefined, 'send at least one of email, contactName and language'));

/** POST /api/declarations/{id}/deadline: the open declaration's deadline, moved later. */
export const deadlineMoveSchema = z.strictObject({
  deadline: described(
    z.pipe(
      z.iso.datetime({ offset: true, error: 'deadline must be a date and time such as 2027-06-30T17:00:00Z' }),
      z.transform((value: string) => new Date(value).toISOString()),
    ),
    'The new deadline: later than the current one and in the future',
  ),
});

/** POST /api/commitments/{id}/invitation: invite the organisation of an ended commitment again. No fields. */
export const reinviteSchema = z.strictObject({});

/** POST /api/commitments/{id}/extension: keep an open invitation's links valid until a later time. */
export const extensionSchema = z.strictObject({
  until: described(
    z.pipe(
      z.iso.datetime({ offset: true, error: 'until must be a date and time such as 2027-03-31T17:00:00Z' }),
      z.transform((value: string) => new Date(value).toISOString()),
    ),
    'When the invitation\'s links stop working; at the latest the declaration\'s deadline',
  ),
});

/** POST /api/verify as JSON (the PDF itself may be sent instead, as application/pdf). */
export const documentCheckSchema = z.union([
  z.strictObject({ sha256: z.string({ error: 'sha256 must be text' }) }),
  z.strictObject({ documentId: z.string({ error: 'documentId must be text' }) }),
], { error: 'Send {"sha256": "<64 hex digits>"} or {"documentId": "..."}, or the PDF itself as application/pdf.' });

/** POST /api/declarations/{id}/document-exports: the documents list's filters, as JSON, and the caller's request id. */
export const documentExportRequestSchema = z.strictObject({
  requestId: described(
    z.string({ error: 'requestId is required: a value of your own for this request, such as a UUID' })
      .check(z.regex(/^[A-Za-z0-9_-]{8,100}$/, 'requestId must be 8 to 100 letters, digits, hyphens or underscores (a UUID, for example)')),
    'Your own id for this request: the same POST repeated with it answers the same export',
  ),
  states: described(
    z.optional(z.array(z.enum(COMMITMENT_STATES, { error: `each state must be among ${COMMITMENT_STATES.join(', ')}` })).check(z.maxLength(50))),
    'Only commitments now in these states (a sealed PDF exists from SEALED on)',
  ),
  categories: z.optional(z.array(z.enum(CATEGORIES, { error: `each category must be among ${CATEGORIES.join(', ')}` })).check(z.maxLength(50))),
  countries: described(
    z.optional(z.array(z.string().check(z.regex(/^[A-Z]{2}$/, 'each country must be a two-letter code such as BE'))).check(z.maxLength(50))),
    'ISO 3166 country codes',
  ),
  q: described(z.optional(z.string().check(z.maxLength(200, 'q must be at most 200 characters'))), 'Words to find in the organisation or the commitment id'),
  sealedFrom: described(z.optional(isoInstant('sealedFrom')), 'Sealed at or after this instant'),
  sealedTo: described(z.optional(isoInstant('sealedTo')), 'Sealed before this instant'),
});
