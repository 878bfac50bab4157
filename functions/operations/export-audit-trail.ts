import { DomainError } from '../domain/errors';
import * as z from '../domain/zod';
import { chainEvents, chainLine, GENESIS_HASH } from '../domain/audit-chain';
import { declarationEventsPage, type TrailPosition } from '../store/audit-trail';
import { loadDeclaration } from './load';

/** Where the next page starts: the chain so far and the last event exported. Opaque to clients. */
const cursorSchema = z.object({
  sequence: z.number().check(z.int(), z.minimum(1)),
  previousHash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  commitmentId: z.string().check(z.maxLength(40)),
  at: z.string().check(z.maxLength(40)),
  id: z.string().check(z.maxLength(40)),
});
type TrailCursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: TrailCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decodeCursor(value: string): TrailCursor {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
  } catch (error) {
    throw new DomainError('INVALID_INPUT', 'The "after" cursor is not one this API gave out; start the export again without it.', [], { cause: error });
  }
}

/** Lambda answers at most 6 MB; a page stops well before. */
const MAX_PAGE_BYTES = 4_000_000;
export const DEFAULT_TRAIL_PAGE = 5_000;

export interface TrailPage {
  /** JSON Lines, each ending with a newline. */
  readonly body: string;
  readonly events: number;
  /** The hash of the last line so far: the head of the chain when `next` is absent. */
  readonly head: string;
  readonly next?: string;
}

/**
 * A declaration's audit trail as chained JSON Lines (see domain/audit-chain.ts), in pages that a
 * client concatenates: each page continues the chain of the one before.
 */
export async function exportAuditTrail(declarationId: string, options: { after?: string; limit?: number } = {}): Promise<TrailPage> {
  await loadDeclaration(declarationId);
  const cursor = options.after ? decodeCursor(options.after) : undefined;
  const position: TrailPosition | undefined = cursor && { commitmentId: cursor.commitmentId, at: cursor.at, id: cursor.id };
  const { events, more } = await declarationEventsPage(declarationId, position, options.limit ?? DEFAULT_TRAIL_PAGE);
  const chained = chainEvents(events as unknown as Record<string, unknown>[], cursor ?? { sequence: 0, previousHash: GENESIS_HASH });
  let body = '';
  let bytes = 0;
  let count = 0;
  for (const event of chained) {
    const line = `${chainLine(event)}\n`;
    const size = Buffer.byteLength(line, 'utf8');
    if (count > 0 && bytes + size > MAX_PAGE_BYTES) break;
    body += line;
    bytes += size;
    count += 1;
  }
  const last = chained[count - 1];
  const head = last?.hash ?? cursor?.previousHash ?? GENESIS_HASH;
  const hasMore = more || count < chained.length;
  if (!hasMore || !last) return { body, events: count, head };
  return {
    body,
    events: count,
    head,
    next: encodeCursor({ sequence: last.sequence, previousHash: last.hash, commitmentId: typeof last.commitmentId === 'string' ? last.commitmentId : '', at: String(last.at), id: String(last.id) }),
  };
}
