import { CATEGORIES, type Category } from './categories';
import { COMMITMENT_STATES, type Commitment, type CommitmentState, type ContactProblem } from './commitment';
import { matchesEveryWord, searchWords } from './search-text';

/** One line of the tracking list: what an admin scans, without the whole record. */
export interface CommitmentRow {
  readonly id: string;
  readonly organisation: string;
  readonly category: Category;
  readonly country: string;
  readonly email: string;
  readonly contactName: string;
  readonly language: string;
  readonly state: CommitmentState;
  readonly invitedAt: string;
  readonly updatedAt: string;
  readonly signer?: string;
  readonly signedAt?: string;
  /** Why automatic verification flagged it (failed checks, in plain words). */
  readonly flagged?: readonly string[];
  /** SES reported that mail to the contact bounced, was complained about, rejected or delayed. */
  readonly undeliverable?: Pick<ContactProblem, 'kind' | 'permanent' | 'detail' | 'reportedAt'>;
  /** How many times an admin resent the link: a resend from the list says it saw this count. */
  readonly resends?: number;
}

export const LIST_SORT_KEYS = ['invitedAt', 'updatedAt', 'signedAt', 'organisation', 'country', 'category', 'state'] as const;
export type ListSortKey = (typeof LIST_SORT_KEYS)[number];

export interface ListQuery {
  readonly states?: readonly CommitmentState[];
  readonly categories?: readonly Category[];
  readonly countries?: readonly string[];
  /** Words to find in the organisation, contact, signer, address or id; accents and case ignored. */
  readonly search?: string;
  readonly sort: ListSortKey;
  readonly order: 'asc' | 'desc';
  /** 1-based. */
  readonly page: number;
  /** Omitted: every matching row. */
  readonly pageSize?: number;
}

/** A signature was given and still stands. */
export const SIGNED_STATES: ReadonlySet<CommitmentState> = new Set(['SIGNED', 'IN_REVIEW', 'VERIFIED', 'COUNTERSIGNED', 'SEALED', 'DELIVERED']);

export function commitmentRow(commitment: Commitment): CommitmentRow {
  return {
    id: commitment.id,
    organisation: commitment.organisation.name,
    category: commitment.organisation.category,
    country: commitment.organisation.country,
    email: commitment.organisation.email,
    contactName: commitment.organisation.contactName,
    language: commitment.language,
    state: commitment.state,
    invitedAt: commitment.invitedAt,
    updatedAt: commitment.updatedAt,
    signer: commitment.signature?.signerName,
    signedAt: commitment.signature?.signedAt,
    flagged: commitment.verification && commitment.verification.outcome === 'NEEDS_REVIEW' ? (commitment.verification.checks ?? []).filter((check) => !check.passed).map((check) => check.detail) : undefined,
    undeliverable: commitment.undeliverable && {
      kind: commitment.undeliverable.kind,
      permanent: commitment.undeliverable.permanent,
      detail: commitment.undeliverable.detail,
      reportedAt: commitment.undeliverable.reportedAt,
    },
    resends: commitment.resends,
  };
}


function matches(row: CommitmentRow, query: ListQuery, words: readonly string[]): boolean {
  if (query.states && query.states.length > 0 && !query.states.includes(row.state)) return false;
  if (query.categories && query.categories.length > 0 && !query.categories.includes(row.category)) return false;
  if (query.countries && query.countries.length > 0 && !query.countries.includes(row.country)) return false;
  return matchesEveryWord([row.organisation, row.contactName, row.signer ?? '', row.email, row.id].join(' '), words);
}

// Built on first use, not at the cold start of every function that imports this module.
let collator: Intl.Collator | undefined;

function compare(a: CommitmentRow, b: CommitmentRow, key: ListSortKey): number {
  switch (key) {
    case 'organisation':
    case 'country':
    case 'category':
      collator ??= new Intl.Collator('en', { sensitivity: 'base', numeric: true });
      return collator.compare(a[key], b[key]);
    case 'state':
      return COMMITMENT_STATES.indexOf(a.state) - COMMITMENT_STATES.indexOf(b.state);
    case 'signedAt':
      // Not yet signed sorts after every signature, whatever the order.
      return (a.signedAt ?? '\uffff').localeCompare(b.signedAt ?? '\uffff');
    default:
      return a[key].localeCompare(b[key]);
  }
}

export interface ListPage {
  readonly matching: number;
  readonly page: number;
  readonly pageSize: number;
  readonly pages: number;
  readonly rows: readonly CommitmentRow[];
}

/** Filters, searches, sorts (ties by invitation, then id) and cuts one page. */
export function listPage(rows: readonly CommitmentRow[], query: ListQuery): ListPage {
  const words = searchWords(query.search);
  const direction = query.order === 'desc' ? -1 : 1;
  const found = rows
    .filter((row) => matches(row, query, words))
    .sort((a, b) => direction * (compare(a, b, query.sort) || a.invitedAt.localeCompare(b.invitedAt) || a.id.localeCompare(b.id)));
  const pageSize = query.pageSize ?? Math.max(found.length, 1);
  const pages = Math.max(1, Math.ceil(found.length / pageSize));
  const page = Math.min(Math.max(1, query.page), pages);
  return { matching: found.length, page, pageSize, pages, rows: found.slice((page - 1) * pageSize, page * pageSize) };
}

export interface SignaturePoint {
  /** Start of the hour or day (UTC, ISO 8601). */
  readonly start: string;
  readonly count: number;
  readonly cumulative: number;
}

export interface DeclarationSummary {
  readonly total: number;
  readonly byState: Readonly<Record<string, number>>;
  readonly byCategory: Readonly<Record<string, number>>;
  readonly byCountry: Readonly<Record<string, number>>;
  readonly progress: { readonly signed: number; readonly delivered: number; readonly awaitingSignature: number; readonly closedUnsigned: number };
  readonly signaturesOverTime: { readonly bucket: 'hour' | 'day'; readonly points: readonly SignaturePoint[] };
}

function countBy(rows: readonly CommitmentRow[], keyOf: (row: CommitmentRow) => string, seed: readonly string[] = []): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(seed.map((key) => [key, 0]));
  for (const row of rows) counts[keyOf(row)] = (counts[keyOf(row)] ?? 0) + 1;
  return counts;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** More points than this and a chart says nothing more; longer campaigns are drawn by day. */
const MAX_HOURLY_POINTS = 72;

/** Signatures per hour (short campaigns) or per day, every bucket from the first to the last signature. */
export function signaturesOverTime(signedAt: readonly string[]): DeclarationSummary['signaturesOverTime'] {
  const times = signedAt.map((value) => Date.parse(value)).filter((time) => Number.isFinite(time)).sort((a, b) => a - b);
  if (times.length === 0) return { bucket: 'day', points: [] };
  const first = times[0]!;
  const last = times[times.length - 1]!;
  const bucket = last - first < MAX_HOURLY_POINTS * HOUR ? 'hour' : 'day';
  const size = bucket === 'hour' ? HOUR : DAY;
  const start = Math.floor(first / size) * size;
  const counts = new Array<number>(Math.floor((last - start) / size) + 1).fill(0);
  for (const time of times) counts[Math.floor((time - start) / size)]! += 1;
  let cumulative = 0;
  return {
    bucket,
    points: counts.map((count, index) => {
      cumulative += count;
      return { start: new Date(start + index * size).toISOString(), count, cumulative };
    }),
  };
}

export function summarise(rows: readonly CommitmentRow[]): DeclarationSummary {
  const byState = countBy(rows, (row) => row.state, COMMITMENT_STATES);
  const closedUnsigned = ['DECLINED', 'EXPIRED', 'REVOKED', 'REJECTED', 'FAILED'].reduce((sum, state) => sum + (byState[state] ?? 0), 0);
  return {
    total: rows.length,
    byState,
    byCategory: countBy(rows, (row) => row.category, CATEGORIES),
    byCountry: countBy(rows, (row) => row.country),
    progress: {
      signed: rows.filter((row) => SIGNED_STATES.has(row.state)).length,
      delivered: byState.DELIVERED ?? 0,
      awaitingSignature: byState.INVITED ?? 0,
      closedUnsigned,
    },
    signaturesOverTime: signaturesOverTime(rows.flatMap((row) => (row.signedAt ? [row.signedAt] : []))),
  };
}
