import { sha256Hex } from './hashing';

/**
 * The exported audit trail: JSON Lines, one event per line, each line carrying the hash of the
 * line before it.
 *
 * - Each line is the canonical JSON (below) of an object with the audit event's fields (`id`,
 *   `at`, `type`, `actor`, `commitmentId`, `declarationId`, `detail` when present) and three more:
 *   `sequence` (1 for the first line, then 2, 3, ...), `previousHash` (the `hash` of the line
 *   before, or 64 zeros on the first line) and `hash`.
 * - `hash` is the SHA-256, in lower-case hex, of the UTF-8 bytes of the canonical JSON of that
 *   same object without its `hash` member.
 * - Canonical JSON is RFC 8785 (JSON Canonicalization Scheme) for the values an event holds:
 *   no whitespace; object members sorted by their names' UTF-16 code units; strings and numbers
 *   written as ECMAScript's JSON.stringify writes them; members whose value is undefined left out.
 *
 * Editing a line changes its hash; removing, inserting or reordering lines breaks the next
 * line's `previousHash` (and `sequence`). Removing lines at the end is seen only against the last
 * hash of the export (the "head"), which the API returns in a header and the console shows.
 */
export const GENESIS_HASH = '0'.repeat(64);

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue | undefined };

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new Error('canonical JSON has no form for NaN or Infinity');
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
      const members = Object.keys(value as object)
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new Error(`canonical JSON has no form for a ${typeof value}`);
  }
}

export interface ChainLink {
  readonly sequence: number;
  readonly previousHash: string;
  readonly hash: string;
}

export type ChainedEvent<E> = E & ChainLink;

export function hashOfLink(withoutHash: Record<string, unknown>): string {
  return sha256Hex(Buffer.from(canonicalJson(withoutHash), 'utf8'));
}

/** Chains events in the order given, continuing after `sequence` and `previousHash` (a later page). */
export function chainEvents<E extends Record<string, unknown>>(events: readonly E[], after: { sequence: number; previousHash: string } = { sequence: 0, previousHash: GENESIS_HASH }): ChainedEvent<E>[] {
  let previousHash = after.previousHash;
  return events.map((event, index) => {
    const { hash: _ignored, sequence: _s, previousHash: _p, ...fields } = event as Record<string, unknown>;
    const body = { ...fields, sequence: after.sequence + index + 1, previousHash };
    const hash = hashOfLink(body);
    previousHash = hash;
    return { ...body, hash } as ChainedEvent<E>;
  });
}

/** One line of the export file. */
export function chainLine(event: object): string {
  return canonicalJson(event);
}

export type ChainVerdict =
  | { readonly ok: true; readonly events: number; readonly head: string }
  | { readonly ok: false; readonly events: number; readonly line: number; readonly eventId?: string; readonly problem: string };

/**
 * Recomputes the chain of an exported file and names the first broken link. `expectedHead`, the
 * last hash the export announced, also catches lines removed at the end.
 */
export function verifyChain(text: string, expectedHead?: string): ChainVerdict {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let previousHash = GENESIS_HASH;
  for (let index = 0; index < lines.length; index++) {
    const line = index + 1;
    const broken = (problem: string, eventId?: string): ChainVerdict => ({ ok: false, events: lines.length, line, eventId, problem });
    let entry: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(lines[index]!);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return broken('the line is not a JSON object');
      entry = parsed as Record<string, unknown>;
    } catch {
      return broken('the line is not valid JSON');
    }
    const eventId = typeof entry.id === 'string' ? entry.id : undefined;
    const { hash, ...withoutHash } = entry;
    if (typeof hash !== 'string') return broken('the line has no hash', eventId);
    if (hashOfLink(withoutHash) !== hash) return broken('its content does not match its hash: the event was edited', eventId);
    if (entry.previousHash !== previousHash) {
      return broken(`its previousHash is not the hash of ${line === 1 ? 'the start of the chain (64 zeros)' : `line ${line - 1}`}: an event before it was removed, inserted, reordered or rewritten`, eventId);
    }
    if (entry.sequence !== line) return broken(`its sequence is ${String(entry.sequence)}, not ${line}: events were removed, inserted or reordered`, eventId);
    previousHash = hash;
  }
  if (expectedHead !== undefined && expectedHead.toLowerCase() !== previousHash) {
    return { ok: false, events: lines.length, line: lines.length, problem: `the last hash is ${previousHash}, not the expected head ${expectedHead}: events are missing at the end` };
  }
  return { ok: true, events: lines.length, head: previousHash };
}
