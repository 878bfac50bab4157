import { describe, expect, it } from 'vitest';
import { MAX_FORM_PARTS, readMultipartForm, type MultipartForm } from '../../functions/shared/multipart';

/** The body and Content-Type a browser sends for a form, as the Fetch API encodes it. */
async function encoded(form: FormData): Promise<{ contentType: string; body: Buffer }> {
  const request = new Request('http://local/verify', { method: 'POST', body: form });
  return { contentType: request.headers.get('content-type') ?? '', body: Buffer.from(await request.arrayBuffer()) };
}

const crlf = (text: string) => Buffer.from(text.replace(/\n/g, '\r\n'));
const textPart = (boundary: string, name: string, value: string) => `--${boundary}\nContent-Disposition: form-data; name="${name}"\n\n${value}\n`;

function formOf(read: MultipartForm): FormData {
  if ('problem' in read) throw new Error(`expected a form, got the problem ${read.problem}`);
  return read.form;
}

describe('multipart form bodies (the public verification form)', () => {
  it('reads a binary file part and a text part, byte for byte', async () => {
    const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x0d, 0x0a, 0x00, 0xff, 0x2d, 0x2d]);
    const sent = new FormData();
    sent.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'certificate.pdf');
    sent.append('sha256', 'ABC123');
    const { contentType, body } = await encoded(sent);
    const form = formOf(await readMultipartForm(contentType, body));
    expect([...form.keys()]).toEqual(['file', 'sha256']);
    const file = form.get('file') as File;
    expect(file).toBeInstanceOf(File);
    expect(file).toMatchObject({ name: 'certificate.pdf', type: 'application/pdf' });
    expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true);
    expect(form.get('sha256')).toBe('ABC123');
  });

  it('reads the boundary case-sensitively, quoted or not, whatever the case of the media type', async () => {
    const body = crlf(`${textPart('AbC', 'sha256', 'abc')}--AbC--\n`);
    expect(formOf(await readMultipartForm('multipart/form-data; boundary=AbC', body)).get('sha256')).toBe('abc');
    expect(formOf(await readMultipartForm('Multipart/Form-Data; boundary="AbC"', body)).get('sha256')).toBe('abc');
    expect(await readMultipartForm('multipart/form-data; boundary=abc', body)).toEqual({ problem: 'malformed' });
  });

  it('reads an empty file input as a file of no bytes (what a browser sends when none is chosen)', async () => {
    const body = crlf('--x\nContent-Disposition: form-data; name="file"; filename=""\nContent-Type: application/octet-stream\n\n\n'
      + `${textPart('x', 'sha256', 'abc')}--x--\n`);
    const form = formOf(await readMultipartForm('multipart/form-data; boundary=x', body));
    expect((form.get('file') as File).size).toBe(0);
    expect(form.get('sha256')).toBe('abc');
  });

  it('answers not-multipart for any other media type, URL-encoded forms included, and for no media type', async () => {
    for (const contentType of ['application/x-www-form-urlencoded', 'application/json', 'text/plain', '', 'not a media type']) {
      expect(await readMultipartForm(contentType, Buffer.from('sha256=abc')), contentType).toEqual({ problem: 'not-multipart' });
    }
  });

  it('answers malformed, never throws, for bodies the parser refuses', async () => {
    const hostile: [string, string, Buffer][] = [
      ['no boundary parameter', 'multipart/form-data', crlf(`${textPart('x', 'a', 'b')}--x--\n`)],
      ['an empty body', 'multipart/form-data; boundary=x', Buffer.alloc(0)],
      ['no closing delimiter', 'multipart/form-data; boundary=x', crlf(textPart('x', 'a', 'b'))],
      ['a part cut off in its value', 'multipart/form-data; boundary=x', crlf('--x\nContent-Disposition: form-data; name="a"\n\nb')],
      ['a part without a blank line after its headers', 'multipart/form-data; boundary=x', crlf('--x\nContent-Disposition: form-data; name="a"\nb\n--x--\n')],
      ['a part without a name', 'multipart/form-data; boundary=x', crlf('--x\nContent-Disposition: form-data\n\nb\n--x--\n')],
      ['a part without Content-Disposition', 'multipart/form-data; boundary=x', crlf('--x\nX-Other: y\n\nb\n--x--\n')],
      ['a megabyte of bytes without a delimiter', 'multipart/form-data; boundary=x', Buffer.alloc(1024 * 1024, 0x79)],
      ['binary noise', 'multipart/form-data; boundary=x', Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256))],
    ];
    for (const [name, contentType, body] of hostile) {
      expect(await readMultipartForm(contentType, body), name).toEqual({ problem: 'malformed' });
    }
  });

  it(`refuses a body of more than ${MAX_FORM_PARTS} parts before parsing it`, async () => {
    const parts = (count: number) => crlf(`${Array.from({ length: count }, (_, index) => textPart('x', `f${index}`, 'v')).join('')}--x--\n`);
    expect([...formOf(await readMultipartForm('multipart/form-data; boundary=x', parts(MAX_FORM_PARTS))).keys()]).toHaveLength(MAX_FORM_PARTS);
    expect(await readMultipartForm('multipart/form-data; boundary=x', parts(MAX_FORM_PARTS + 1))).toEqual({ problem: 'too-many-parts' });
    // 10 MB of one-byte fields, the most a request can carry: refused, not turned into 200,000 entries.
    const field = crlf(textPart('x', 'f', 'v'));
    const flood = Buffer.concat([...Array<Buffer>(Math.floor((10 * 1024 * 1024) / field.length)).fill(field), crlf('--x--\n')]);
    expect(await readMultipartForm('multipart/form-data; boundary=x', flood)).toEqual({ problem: 'too-many-parts' });
  });

  it('keeps a file that holds dashes, line breaks and most of the boundary, and reads a subarray of a larger buffer', async () => {
    const boundary = '----WebKitFormBoundary7MA4YWxkTrZu0gW';
    const content = Buffer.from(`%PDF-1.7\r\n--\r\n----WebKitFormBoundary7MA4YWxkTrZu0g\r\n\r\n--${'-'.repeat(40)}\r\n%%EOF`);
    const body = Buffer.concat([Buffer.from('ignored prefix'),
      crlf(`--${boundary}\nContent-Disposition: form-data; name="file"; filename="a.pdf"\nContent-Type: application/pdf\n\n`), content, crlf(`\n--${boundary}--\n`)]);
    const form = formOf(await readMultipartForm(`multipart/form-data; boundary=${boundary}`, body.subarray('ignored prefix'.length)));
    expect(Buffer.from(await (form.get('file') as File).arrayBuffer()).equals(content)).toBe(true);
  });

  // Node's parser (undici 6) ends a part at the first occurrence of the bare boundary token, framed or not.
  // A browser's boundary is long and random, so only a hand-made request meets this; it must be refused, never misread.
  it('refuses, rather than misreads, a file that holds the boundary token itself', async () => {
    const content = Buffer.from('a line about x that is no delimiter');
    const body = Buffer.concat([crlf('--x\nContent-Disposition: form-data; name="file"; filename="a.pdf"\n\n'), content, crlf('\n--x--\n')]);
    expect(await readMultipartForm('multipart/form-data; boundary=x', body)).toEqual({ problem: 'malformed' });
  });
});
