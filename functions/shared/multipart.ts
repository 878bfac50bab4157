import { MIMEType } from 'node:util';

/**
 * The verification form has two fields (a file and a SHA-256). A body of thousands of tiny parts is
 * refused before it is parsed: the platform's parser has no limit of its own, and building a form of
 * 200,000 entries from a 10 MB body takes seconds of a small function's CPU.
 */
export const MAX_FORM_PARTS = 16;

/** A multipart/form-data body read, or why it could not be. */
export type MultipartForm =
  | { readonly form: FormData }
  | { readonly problem: 'not-multipart' | 'malformed' | 'too-many-parts' };

/**
 * Reads a multipart/form-data body (RFC 7578) with the platform's own parser, the Fetch API's
 * `Request.formData()` (undici in Node). File fields come back as `File`, text fields as strings.
 * Only multipart/form-data is read: a URL-encoded body is `not-multipart`, as the form never sends one.
 */
export async function readMultipartForm(contentType: string, body: Uint8Array): Promise<MultipartForm> {
  const mediaType = parseMediaType(contentType);
  if (mediaType?.essence !== 'multipart/form-data') return { problem: 'not-multipart' };
  const boundary = mediaType.params.get('boundary');
  if (!boundary) return { problem: 'malformed' };
  // Each part starts with the delimiter, and the close delimiter starts with it too.
  if (countUpTo(body, `--${boundary}`, MAX_FORM_PARTS + 2) > MAX_FORM_PARTS + 1) return { problem: 'too-many-parts' };
  try {
    const request = new Request('http://form.invalid/', { method: 'POST', headers: { 'content-type': contentType }, body });
    return { form: await request.formData() };
  } catch (error) {
    // The Fetch API rejects a body it cannot parse as FormData with a TypeError (no closing boundary, a part without headers, ...).
    if (error instanceof TypeError) return { problem: 'malformed' };
    throw error;
  }
}

function parseMediaType(contentType: string): MIMEType | undefined {
  try {
    return new MIMEType(contentType);
  } catch {
    return undefined;
  }
}

/** How many times `needle` occurs in `body`, counting no further than `limit`. */
function countUpTo(body: Uint8Array, needle: string, limit: number): number {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  let count = 0;
  for (let at = bytes.indexOf(needle); at !== -1 && count < limit; at = bytes.indexOf(needle, at + needle.length)) count += 1;
  return count;
}
