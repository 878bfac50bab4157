/**
 * The ZIP export of sealed PDFs: which documents it selects, how each file inside is named, and the
 * manifest that lists them. Pure rules; the operation streams the bytes.
 */
import { createHash } from 'node:crypto';
import type { Category } from './categories';
import type { CommitmentState } from './commitment';
import { csvDocument } from './csv-writer';

/** Which sealed documents of one declaration go into an export: the filters of the documents and commitments lists. */
export interface ExportSelection {
  readonly declarationId: string;
  /** The commitment's state now (SEALED, DELIVERED, REVOKED...): only sealed ones have a PDF. */
  readonly states?: readonly CommitmentState[];
  readonly categories?: readonly Category[];
  readonly countries?: readonly string[];
  /** Words to find in the organisation or the commitment id (case and accents ignored). */
  readonly search?: string;
  readonly sealedFrom?: string;
  readonly sealedTo?: string;
}

export const EXPORT_STATES = ['PENDING', 'BUILDING', 'READY', 'FAILED'] as const;
export type ExportState = (typeof EXPORT_STATES)[number];

/**
 * One export per caller and request id: the same POST repeated (a retry, a double click) finds the
 * same export. The id is derived, so the repeat needs no lookup item of its own.
 */
export function exportIdFor(userId: string, requestId: string): string {
  const digest = createHash('sha256').update(`document-export\n${userId}\n${requestId}`).digest();
  const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
  let id = '';
  for (let index = 0; index < 26; index++) id += alphabet[digest[index]! % 32];
  return `exp_${id}`;
}

/** What the manifest says of each file. */
export interface ManifestEntry {
  /** The path inside the ZIP. */
  readonly file: string;
  readonly sha256: string;
  readonly size: number;
  readonly commitmentId: string;
  readonly organisation: string;
  readonly country: string;
  readonly category: string;
  readonly sealedAt: string;
}

/** The longest organisation part of a file name, in characters: paths stay well under what unzip tools and file systems take. */
const MAX_ORGANISATION_CHARACTERS = 80;

/**
 * Turns an organisation's name into a file name part: letters of every script are kept (the ZIP
 * marks names as UTF-8), while path separators, characters Windows refuses, control characters and
 * leading dots are replaced, so no entry can escape its folder or fail to extract.
 */
export function safeNamePart(value: string): string {
  const cleaned = value
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\p{Cf}/gu, '')
    .replace(/[/\\:*?"<>|]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s-]+|[.\s]+$/g, '');
  const characters = [...cleaned];
  const cut = characters.length > MAX_ORGANISATION_CHARACTERS ? characters.slice(0, MAX_ORGANISATION_CHARACTERS).join('').trimEnd() : cleaned;
  return cut === '' ? 'organisation' : cut;
}

/** The random tail of an id: enough to tell two organisations of the same name apart. */
export function shortId(commitmentId: string): string {
  return commitmentId.slice(-8);
}

/**
 * Names the files of one export: `<country>/<category>/<organisation>-<short id>.pdf`. Names are
 * unique within the export, compared as most file systems do (case and Unicode form ignored).
 */
export class ExportFileNamer {
  private readonly taken = new Set<string>();

  nameFor(document: { commitmentId: string; organisation: string; country: string; category: string }): string {
    const folder = `${safeFolder(document.country)}/${safeFolder(document.category)}`;
    const stem = `${safeNamePart(document.organisation)}-${safeNamePart(shortId(document.commitmentId))}`;
    for (let attempt = 1; ; attempt++) {
      const name = `${folder}/${stem}${attempt === 1 ? '' : `-${attempt}`}.pdf`;
      const comparable = name.normalize('NFC').toLowerCase();
      if (!this.taken.has(comparable)) {
        this.taken.add(comparable);
        return name;
      }
    }
  }
}

function safeFolder(value: string): string {
  return /^[A-Za-z0-9_-]{1,40}$/.test(value) ? value : safeNamePart(value);
}

export const MANIFEST_COLUMNS = ['file', 'sha256', 'size', 'commitment_id', 'organisation', 'country', 'category', 'sealed_at'] as const;

/** The manifest as CSV (UTF-8 with a byte-order mark, spreadsheet-safe cells). */
export function manifestCsv(entries: readonly ManifestEntry[]): string {
  return csvDocument(MANIFEST_COLUMNS, entries.map((entry) => [
    entry.file, entry.sha256, entry.size, entry.commitmentId, entry.organisation, entry.country, entry.category, entry.sealedAt,
  ]));
}

/** The manifest as JSON: the selection it was made for, when, and every file. */
export function manifestJson(details: { exportId: string; selection: ExportSelection; createdAt: string }, entries: readonly ManifestEntry[]): string {
  return `${JSON.stringify({ exportId: details.exportId, createdAt: details.createdAt, selection: details.selection, count: entries.length, files: entries }, null, 2)}\n`;
}

/** Whether two selections name the same documents (the order of keys and of listed values aside). */
export function sameSelection(a: ExportSelection, b: ExportSelection): boolean {
  const canonical = (selection: ExportSelection) => JSON.stringify(Object.keys(selection).sort().map((key) => {
    const value = selection[key as keyof ExportSelection];
    return [key, Array.isArray(value) ? [...value].sort() : value];
  }).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)));
  return canonical(a) === canonical(b);
}
