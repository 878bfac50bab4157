import { describe, expect, it } from 'vitest';
import { parseMultipart } from '../../functions/shared/multipart';

describe('multipart form bodies (the public verification form)', () => {
  it('reads a binary file part and a text part, byte for byte, with a case-sensitive boundary', async () => {
    const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x0d, 0x0a, 0x00, 0xff, 0x2d, 0x2d]);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'certificate.pdf');
    form.append('sha256', 'ABC123');
    const request = new Request('http://local/verify', { method: 'POST', body: form });
    const parts = parseMultipart(request.headers.get('content-type') ?? '', Buffer.from(await request.arrayBuffer()));
    expect(parts?.map((part) => part.name)).toEqual(['file', 'sha256']);
    expect(parts?.[0]).toMatchObject({ filename: 'certificate.pdf', contentType: 'application/pdf' });
    expect(parts?.[0]?.data.equals(pdf)).toBe(true);
    expect(parts?.[1]?.data.toString()).toBe('ABC123');
  });

  it('answers undefined for a body that is not multipart', () => {
    expect(parseMultipart('application/x-www-form-urlencoded', Buffer.from('sha256=abc'))).toBeUndefined();
  });
});
