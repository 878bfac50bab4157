import { describe, expect, it } from 'vitest';
import { DecodedOnce } from '../../functions/seal/validation/decoded-once';

const bytes = (text: string) => new TextEncoder().encode(text);

function counting<T>(decode: (der: Uint8Array) => T) {
  const calls: string[] = [];
  return { calls, decode: (der: Uint8Array) => (calls.push(new TextDecoder().decode(der)), decode(der)) };
}

describe('decoding each content once', () => {
  it('decodes the same bytes once, whatever buffer holds them, and tells kinds apart', () => {
    const cache = new DecodedOnce<string>({ entries: 8, bytes: 1024 });
    const { calls, decode } = counting((der) => `decoded ${der.length}`);
    expect(cache.get(bytes('certificate'), decode)).toBe('decoded 11');
    expect(cache.get(Buffer.from('certificate'), decode)).toBe('decoded 11');
    expect(cache.get(bytes('certificate'), decode, 'other')).toBe('decoded 11');
    expect(calls).toEqual(['certificate', 'certificate']);
  });

  it('keeps an error and throws it again without decoding again', () => {
    const cache = new DecodedOnce<string>({ entries: 8, bytes: 1024 });
    const { calls, decode } = counting((): string => { throw new Error('not DER'); });
    expect(() => cache.get(bytes('garbage'), decode)).toThrow('not DER');
    expect(() => cache.get(bytes('garbage'), decode)).toThrow('not DER');
    expect(calls).toHaveLength(1);
  });

  it('empties itself when its entries or its bytes are used up, and never keeps an item over a quarter of its bytes', () => {
    const cache = new DecodedOnce<number>({ entries: 2, bytes: 40 });
    const { calls, decode } = counting((der) => der.length);
    cache.get(bytes('a'), decode);
    cache.get(bytes('b'), decode);
    cache.get(bytes('c'), decode); // the third entry empties the cache
    cache.get(bytes('a'), decode);
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
    const large = bytes('x'.repeat(11));
    cache.get(large, decode);
    cache.get(large, decode);
    expect(calls.slice(4)).toEqual(['x'.repeat(11), 'x'.repeat(11)]);
    const byBytes = new DecodedOnce<number>({ entries: 100, bytes: 40 });
    const second = counting((der) => der.length);
    for (const text of ['0123456789', '1123456789', '2123456789', '3123456789', '4123456789', '0123456789']) byBytes.get(bytes(text), second.decode);
    // Four items of 10 bytes fill the 40; the fifth empties it, so the first is decoded again.
    expect(second.calls).toHaveLength(6);
  });
});
