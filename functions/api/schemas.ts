/**
 * The request schemas of the admin and auditor API. Handlers validate with these, and the
 * OpenAPI document (functions/api/openapi.ts) is generated from them: one definition of each input.
 */
import { z } from 'zod';
import { CATEGORIES } from '../domain/categories';
import { COMMITMENT_STATES } from '../domain/commitment';
import { LIST_SORT_KEYS } from '../domain/commitment-list';
import { ID_PATTERN } from '../domain/ids';
import { emailAddress } from '../domain/commitment';
import { textField } from '../domain/text';

export { createDeclarationSchema, updateDeclarationSchema } from '../domain/declaration';
export { inviteRequestSchema } from '../domain/commitment';

/** A query parameter listing values separated by commas (a repeated parameter arrives that way too). */
function listParameter<T extends z.ZodType<string>>(item: T, description: string) {
  return z
    .string()
    .max(2_000)
    .transform((value) => value.split(',').map((part) => part.trim()).filter((part) => part !== ''))
    // The parts are checked one by one by `item` (zod cannot see that through a generic).
    .pipe(z.array(item).max(50) as unknown as z.ZodType<z.output<T>[], string[]>)
    .optional()
    .meta({ description });
}

const pageNumber = z.coerce.number({ error: 'page must be a whole number from 1' }).int('page must be a whole number from 1').min(1, 'page must be a whole number from 1');

const listFilters = {
  state: listParameter(z.enum(COMMITMENT_STATES, { error: `state must be among ${COMMITMENT_STATES.join(', ')}` }), 'States to show, comma-separated'),
  category: listParameter(z.enum(CATEGORIES, { error: `category must be among ${CATEGORIES.join(', ')}` }), 'Categories to show, comma-separated'),
  country: listParameter(z.string().regex(/^[A-Z]{2}$/, 'country must be two-letter codes such as BE'), 'ISO 3166 country codes to show, comma-separated'),
  q: z.string().max(200, 'q must be at most 200 characters').optional().meta({ description: 'Words to find in the organisation, contact, signer, address or commitment id (case and accents ignored)' }),
  sort: z.enum(LIST_SORT_KEYS, { error: `sort must be one of ${LIST_SORT_KEYS.join(', ')}` }).default('invitedAt'),
  order: z.enum(['asc', 'desc'], { error: 'order must be asc or desc' }).default('asc'),
};

/** GET /api/declarations/{id}: the dashboard, with one page of the list. */
export const commitmentListQuerySchema = z
  .object({
    ...listFilters,
    page: pageNumber.default(1),
    pageSize: z.coerce.number({ error: 'pageSize must be a whole number from 1 to 1000' }).int().min(1).max(1_000, 'pageSize must be at most 1000').optional()
      .meta({ description: 'Rows per page; leave it out for every matching row' }),
  })
  .strict();

/** GET /api/declarations/{id}/commitments.csv: every matching row, in the list's order. */
export const commitmentExportQuerySchema = z.object(listFilters).strict();

const isoInstant = (label: string) => z.iso.datetime({ offset: true, error: `${label} must be a date and time such as 2027-01-31T00:00:00Z` }).transform((value) => new Date(value).toISOString());

/** GET /api/documents */
export const documentsQuerySchema = z
  .object({
    declarationId: z.string({ error: 'Name the declaration: /api/documents?declarationId=…' }).regex(ID_PATTERN, 'declarationId must look like dcl_…'),
    category: listFilters.category,
    country: listFilters.country,
    q: z.string().max(200).optional().meta({ description: 'Words to find in the organisation or the commitment id' }),
    sealedFrom: isoInstant('sealedFrom').optional().meta({ description: 'Sealed at or after this instant' }),
    sealedTo: isoInstant('sealedTo').optional().meta({ description: 'Sealed before this instant' }),
  })
  .strict();

/** GET /api/declarations/{id}/audit-trail.jsonl */
export const auditTrailQuerySchema = z
  .object({
    after: z.string().regex(/^[A-Za-z0-9_-]{1,1000}$/, 'after must be the cursor of the previous page').optional()
      .meta({ description: 'The x-audit-trail-next header of the previous page' }),
    limit: z.coerce.number().int().min(1).max(10_000, 'limit must be at most 10000').optional().meta({ description: 'Events per page (default 5000)' }),
  })
  .strict();

/** POST /api/declarations/{id}/invitation-imports */
export const invitationImportSchema = z
  .object({
    csv: z.string({ error: 'csv must be the text of the file' }).min(1, 'csv is empty').max(5_000_000, 'the file must be at most 5 MB'),
    mode: z.enum(['check', 'import', 'import-valid-rows'], { error: 'mode must be check, import or import-valid-rows' }),
    rows: z
      .object({ from: z.number().int().min(1), to: z.number().int().min(1) })
      .strict()
      .refine((rows) => rows.to >= rows.from, 'rows.to must not be before rows.from')
      .optional()
      .meta({ description: 'Invite only these data rows (1 = the row after the header) after checking the whole file' }),
  })
  .strict();

const commitmentId = z.string().regex(ID_PATTERN, 'each commitment id must look like cmt_…');

/** POST /api/declarations/{id}/countersignatures */
export const countersignSelectionSchema = z.union(
  [z.object({ commitmentIds: z.array(commitmentId).min(1).max(5_000) }).strict(), z.object({ allVerified: z.literal(true) }).strict()],
  { error: 'send {"commitmentIds": [...]} or {"allVerified": true}' },
);

/** POST /api/commitments/{id}/review */
export const reviewSchema = z.object({ decision: z.enum(['approve', 'reject'], { error: 'decision must be "approve" or "reject"' }), reason: textField('reason', 2_000) }).strict();

/** POST /api/commitments/{id}/revocation */
export const revokeSchema = z.object({ reason: textField('reason', 2_000) }).strict();

const clickId = z.uuid({ error: 'clickId must be a UUID the page makes once per click' }).meta({ description: 'Made once per click: repeating a request with the same clickId sends nothing more' });

/** POST /api/commitments/{id}/reminders */
export const reminderSchema = z.object({ clickId }).strict();

/** POST /api/declarations/{id}/reminders */
export const reminderSelectionSchema = z.union(
  [z.object({ commitmentIds: z.array(commitmentId).min(1).max(500), clickId }).strict(), z.object({ allAwaiting: z.literal(true), clickId }).strict()],
  { error: 'send {"commitmentIds": [...], "clickId": "…"} or {"allAwaiting": true, "clickId": "…"}' },
);

/** POST /api/commitments/{id}/contact: a new address for an organisation whose mail bounced. */
export const contactCorrectionSchema = z.object({ email: emailAddress }).strict();

/** POST /api/verify as JSON (the PDF itself may be sent instead, as application/pdf). */
export const documentCheckSchema = z.union([
  z.object({ sha256: z.string({ error: 'sha256 must be text' }) }).strict(),
  z.object({ documentId: z.string({ error: 'documentId must be text' }) }).strict(),
], { error: 'Send {"sha256": "<64 hex digits>"} or {"documentId": "..."}, or the PDF itself as application/pdf.' });
