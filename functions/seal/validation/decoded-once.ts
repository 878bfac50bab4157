import { createHash } from 'node:crypto';

/**
 * What was decoded from DER bytes, kept by their SHA-256 so that each content is decoded once: a
 * seal and its check meet the same certificates and revocation data again and again. Bounded in
 * entries and in the bytes decoded, and emptied whole when full, because the public check decodes
 * whatever an uploaded file carries. Keys are digests, so no caller's buffer (a whole uploaded PDF)
 * is held; an item larger than a quarter of the byte budget is decoded every time. A decoding
 * error is kept too and thrown again, so a bad item is not decoded twice either.
 */
export class DecodedOnce<T> {
  private readonly values = new Map<string, { value: T } | { error: unknown }>();
  private decodedBytes = 0;

  constructor(private readonly limits: { readonly entries: number; readonly bytes: number }) {}

  /** `decode(der)`, decoded once per content; `kind` tells apart what the same bytes decode to in two ways. */
  get<V extends T>(der: Uint8Array, decode: (der: Uint8Array) => V, kind = ''): V {
    const key = `${kind}:${createHash('sha256').update(der).digest('base64')}`;
    let kept = this.values.get(key);
    if (!kept) {
      try {
        kept = { value: decode(der) };
      } catch (error) {
        kept = { error };
      }
      this.keep(key, der.length, kept);
    }
    if ('error' in kept) throw kept.error;
    return kept.value as V;
  }

  private keep(key: string, size: number, kept: { value: T } | { error: unknown }): void {
    if (size > this.limits.bytes / 4) return;
    if (this.values.size >= this.limits.entries || this.decodedBytes + size > this.limits.bytes) {
      this.values.clear();
      this.decodedBytes = 0;
    }
    this.values.set(key, kept);
    this.decodedBytes += size;
  }
}
