import { parse } from 'csv-parse/sync';
import { CATEGORIES, CATEGORY_LABELS, type Category } from './categories';
import { invitationSchema, type InvitationInput } from './commitment';

/** The columns of an invitation file, in the order the template lists them. */
export const CSV_COLUMNS = ['organisation', 'category', 'country', 'email', 'contact_name', 'language', 'email_domains'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly CsvColumn[] = ['organisation', 'category', 'country', 'email', 'contact_name'];

export const MAX_CSV_ROWS = 5_000;

export interface CsvInvitation {
  /** Line of the file where the row starts (the header is line 1). */
  readonly line: number;
  /** Position among the data rows (1 = the row after the header), bad rows included. */
  readonly dataRow: number;
  readonly invitation: InvitationInput;
}

export interface CsvRowProblem {
  readonly line: number;
  readonly email?: string;
  readonly organisation?: string;
  /** One sentence per problem, naming the column. */
  readonly reasons: readonly string[];
}

export interface ParsedInvitationCsv {
  /** Problems with the file as a whole (no header, unknown columns, too many rows, broken quoting). */
  readonly fileErrors: readonly string[];
  readonly dataRows: number;
  readonly valid: readonly CsvInvitation[];
  readonly problems: readonly CsvRowProblem[];
}

/** Where each schema field comes from, to name the column in a message. */
const COLUMN_OF_PATH: Readonly<Record<string, CsvColumn>> = {
  'organisation.name': 'organisation',
  'organisation.category': 'category',
  'organisation.country': 'country',
  'organisation.email': 'email',
  'organisation.contactName': 'contact_name',
  'organisation.emailDomains': 'email_domains',
  language: 'language',
};

const normaliseHeader = (value: string) => value.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** Spreadsheets in much of the EU save "CSV" with semicolons; the header line tells which. */
function detectDelimiter(text: string): string {
  const header = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  const counts = [',', ';', '\t'].map((delimiter) => [delimiter, header.split(delimiter).length - 1] as const);
  return counts.reduce((best, candidate) => (candidate[1] > best[1] ? candidate : best))[0];
}

const CATEGORY_BY_NAME = new Map<string, Category>(
  CATEGORIES.flatMap((category) => [
    [category, category],
    [category.replace(/_/g, ' '), category],
    [CATEGORY_LABELS[category].toLowerCase(), category],
  ]),
);

/** A category by its id (`port_authority`), its id in words (`port authority`) or its label. */
function categoryOf(value: string): string {
  const key = value.trim().toLowerCase();
  return CATEGORY_BY_NAME.get(key) ?? CATEGORY_BY_NAME.get(key.replace(/[\s-]+/g, '_')) ?? value.trim();
}

interface RawRecord {
  readonly record: string[];
  readonly info: { readonly lines: number };
  readonly raw: string;
}

function startLine(record: RawRecord): number {
  const body = record.raw.replace(/^\n+/, '').replace(/\n$/, '');
  return record.info.lines - (body.match(/\n/g)?.length ?? 0);
}

/**
 * Reads an invitation file: every row is checked with the same schema as the JSON API, and each
 * bad row is reported with its line and reasons. An address listed twice is reported on the
 * later line. Nothing is invited here.
 */
export function parseInvitationCsv(input: string): ParsedInvitationCsv {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { fileErrors: ['The file is empty: the first line must name the columns.'], dataRows: 0, valid: [], problems: [] };
  let records: RawRecord[];
  try {
    records = parse(text, { delimiter: detectDelimiter(text), record_delimiter: '\n', relax_column_count: true, skip_empty_lines: true, info: true, raw: true }) as unknown as RawRecord[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { fileErrors: [`The file could not be read${line ? ` at line ${line}` : ''}: ${(error as Error).message.replace(/^[A-Za-z_ ]+: /, '')}. Check its quotes.`], dataRows: 0, valid: [], problems: [] };
  }
  const [header, ...rows] = records.filter((record) => record.record.some((field) => field.trim() !== ''));
  if (!header) return { fileErrors: ['The file is empty: the first line must name the columns.'], dataRows: 0, valid: [], problems: [] };

  const columns = header.record.map(normaliseHeader);
  const fileErrors: string[] = [];
  const unknown = columns.filter((column) => !(CSV_COLUMNS as readonly string[]).includes(column));
  if (unknown.length > 0) fileErrors.push(`Unknown column(s): ${unknown.join(', ')}. The columns are: ${CSV_COLUMNS.join(', ')}.`);
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) fileErrors.push(`Missing column(s): ${missing.join(', ')}.`);
  const repeated = columns.filter((column, index) => columns.indexOf(column) !== index);
  if (repeated.length > 0) fileErrors.push(`Column(s) named twice: ${[...new Set(repeated)].join(', ')}.`);
  if (rows.length === 0) fileErrors.push('The file has a header but no rows.');
  if (rows.length > MAX_CSV_ROWS) fileErrors.push(`The file has ${rows.length} rows; at most ${MAX_CSV_ROWS.toLocaleString('en')} can be imported at once. Split it.`);
  if (fileErrors.length > 0) return { fileErrors, dataRows: rows.length, valid: [], problems: [] };

  const valid: CsvInvitation[] = [];
  const problems: CsvRowProblem[] = [];
  const lineOfAddress = new Map<string, number>();
  rows.forEach((row, index) => {
    const line = startLine(row);
    const cell = (column: CsvColumn) => row.record[columns.indexOf(column)] ?? '';
    const reasons: string[] = [];
    if (row.record.length !== columns.length) reasons.push(`has ${row.record.length} field(s) where the header names ${columns.length}`);
    const domains = cell('email_domains').split(/[\s,;]+/).filter((domain) => domain !== '');
    const candidate = {
      organisation: { name: cell('organisation'), category: categoryOf(cell('category')), country: cell('country'), email: cell('email'), contactName: cell('contact_name'), emailDomains: domains },
      ...(cell('language').trim() === '' ? {} : { language: cell('language').trim().toLowerCase() }),
    };
    const result = invitationSchema.safeParse(candidate);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const path = issue.path.filter((part) => typeof part === 'string').join('.');
        reasons.push(`${COLUMN_OF_PATH[path] ?? path}: ${issue.message}`);
      }
    }
    const email = result.success ? result.data.organisation.email : cell('email').trim().toLowerCase();
    const earlier = lineOfAddress.get(email);
    if (email !== '' && earlier !== undefined) reasons.push(`email: ${email} is already listed on line ${earlier}`);
    else if (email !== '') lineOfAddress.set(email, line);
    if (reasons.length > 0 || !result.success) problems.push({ line, email: email || undefined, organisation: cell('organisation').trim() || undefined, reasons });
    else valid.push({ line, dataRow: index + 1, invitation: result.data });
  });
  return { fileErrors: [], dataRows: rows.length, valid, problems };
}

/** The first lines of a file an admin can fill in. */
export function invitationCsvTemplate(): string {
  return `${CSV_COLUMNS.join(',')}\n"Port of Piraeus Authority",port_authority,GR,security@olp.example,"Αθανάσιος Παπαδόπουλος",el,olp.example\n`;
}
