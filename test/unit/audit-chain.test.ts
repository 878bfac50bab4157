import { describe, expect, it } from 'vitest';
import { canonicalJson, chainEvents, chainLine, GENESIS_HASH, verifyChain } from '../../functions/domain/audit-chain';
import { events, exportOf, linesOf } from '../support/audit-events';

describe('canonical JSON', () => {
  it('sorts members by name, drops undefined members and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined, 'é': { z: 0.5, y: -0 } })).toBe('{"a":[true,null,"x"],"b":1,"é":{"y":0,"z":0.5}}');
  });

  it('orders names by UTF-16 code units as RFC 8785 does', () => {
    expect(canonicalJson({ '\u20ac': 1, '\r': 2, '\ufb33': 3, '1': 4, '\u{1f600}': 5, '\u0080': 6, '\u00f6': 7 })).toBe('{"\\r":2,"1":4,"\u0080":6,"\u00f6":7,"\u20ac":1,"\u{1f600}":5,"\ufb33":3}');
  });
});

describe('the chained audit trail', () => {
  it('links each event to the hash of the one before, from 64 zeros', () => {
    const chained = chainEvents(events(3));
    expect(chained.map((event) => event.sequence)).toEqual([1, 2, 3]);
    expect(chained[0]!.previousHash).toBe(GENESIS_HASH);
    expect(chained[1]!.previousHash).toBe(chained[0]!.hash);
    expect(chained[2]!.previousHash).toBe(chained[1]!.hash);
  });

  it('continues a chain across pages exactly as one export would', () => {
    const all = chainEvents(events(5));
    const first = chainEvents(events(5).slice(0, 2));
    const rest = chainEvents(events(5).slice(2), { sequence: 2, previousHash: first[1]!.hash });
    expect([...first, ...rest]).toEqual(all);
  });

  it('verifies an untouched export and reports its head', () => {
    const text = exportOf(6);
    const verdict = verifyChain(text);
    expect(verdict).toEqual({ ok: true, events: 6, head: JSON.parse(linesOf(text)[5]!).hash });
    expect(verifyChain(text, (verdict as { head: string }).head).ok).toBe(true);
  });

  it('catches an edited event at its own line', () => {
    const lines = linesOf(exportOf(6));
    lines[3] = lines[3]!.replace('"SIGNED"', '"DECLINED"');
    expect(verifyChain(lines.join('\n'))).toMatchObject({ ok: false, line: 4, eventId: events(6)[3]!.id, problem: expect.stringContaining('edited') });
  });

  it('catches an edited event whose hash was recomputed, at the next line', () => {
    const chained = chainEvents(events(6));
    const forged = chainEvents([{ ...chained[2]!, actor: 'someone-else' }], { sequence: 2, previousHash: chained[1]!.hash });
    const lines = chained.map((event) => chainLine(event));
    lines[2] = chainLine(forged[0]!);
    expect(verifyChain(lines.join('\n'))).toMatchObject({ ok: false, line: 4, eventId: events(6)[3]!.id });
  });

  it('catches a removed event at the line that follows it', () => {
    const lines = linesOf(exportOf(6));
    lines.splice(2, 1);
    expect(verifyChain(lines.join('\n'))).toMatchObject({ ok: false, line: 3, eventId: events(6)[3]!.id, problem: expect.stringContaining('removed') });
  });

  it('catches a removed first event', () => {
    const lines = linesOf(exportOf(4)).slice(1);
    expect(verifyChain(lines.join('\n'))).toMatchObject({ ok: false, line: 1, eventId: events(4)[1]!.id });
  });

  it('catches reordered events at the first line out of place', () => {
    const lines = linesOf(exportOf(6));
    [lines[1], lines[4]] = [lines[4]!, lines[1]!];
    expect(verifyChain(lines.join('\n'))).toMatchObject({ ok: false, line: 2, eventId: events(6)[4]!.id, problem: expect.stringContaining('reordered') });
  });

  it('catches events removed at the end only against the announced head', () => {
    const text = exportOf(5);
    const head = JSON.parse(linesOf(text)[4]!).hash as string;
    const truncated = linesOf(text).slice(0, 4).join('\n');
    expect(verifyChain(truncated).ok).toBe(true);
    expect(verifyChain(truncated, head)).toMatchObject({ ok: false, line: 4, problem: expect.stringContaining('missing at the end') });
  });
});
