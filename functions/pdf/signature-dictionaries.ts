/**
 * The signature dictionaries of a PDF and the revisions they sign, read from the raw bytes as validators do:
 * a signature's ByteRange names the bytes it covers, around the hexadecimal /Contents that holds it.
 */
export interface SignatureDictionary {
  readonly byteRange: readonly [number, number, number, number];
  /** The /Contents value, zero padding included. */
  readonly contents: Buffer;
  /** ETSI.CAdES.detached for a PAdES seal, ETSI.RFC3161 for a document timestamp. */
  readonly subFilter?: string;
  /** Sig or DocTimeStamp. */
  readonly type?: string;
  /** The /M entry: the time the signer claims, which nothing proves. */
  readonly claimedSigningTime?: Date;
  /** Where the signed bytes end: the end of the revision the signature covers. */
  readonly signedEnd: number;
  /** What is wrong with the byte range itself, in plain words. */
  readonly byteRangeProblems: readonly string[];
}

export function findSignatureDictionaries(pdf: Buffer): SignatureDictionary[] {
  const text = pdf.toString('latin1');
  const found: SignatureDictionary[] = [];
  for (const match of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const byteRange = [1, 2, 3, 4].map((group) => Number(match[group])) as [number, number, number, number];
    const [start, firstLength, secondStart, secondLength] = byteRange;
    const problems: string[] = [];
    const gapStart = start + firstLength;
    const gap = gapStart <= secondStart ? text.slice(gapStart, secondStart) : '';
    const hex = /^<([0-9A-Fa-f]*)>$/.exec(gap)?.[1];
    if (start !== 0) problems.push(`it starts at byte ${start}, not at the beginning of the file`);
    if (gapStart > secondStart) problems.push('its two parts overlap');
    if (secondStart + secondLength > pdf.length) problems.push(`it runs ${secondStart + secondLength - pdf.length} bytes past the end of the file`);
    if (hex === undefined || !/\/Contents\s*$/.test(text.slice(Math.max(0, gapStart - 40), gapStart))) {
      problems.push('the bytes it leaves out are not exactly the signature value (/Contents)');
    }
    // The signature's object: from its "N G obj" header to "endobj", without the signature value.
    const objectStart = text.lastIndexOf(' obj', match.index);
    const objectEnd = text.indexOf('endobj', Math.max(match.index, secondStart));
    const dictionary = text.slice(Math.max(0, objectStart), objectEnd === -1 ? text.length : objectEnd).replace(/<[0-9A-Fa-f]{64,}>/g, '<>');
    found.push({
      byteRange,
      contents: Buffer.from(hex ?? '', 'hex'),
      subFilter: /\/SubFilter\s*\/([A-Za-z0-9.#]+)/.exec(dictionary)?.[1],
      type: /\/Type\s*\/([A-Za-z0-9.#]+)/.exec(dictionary)?.[1],
      claimedSigningTime: pdfDate(/\/M\s*\((D:[^)]*)\)/.exec(dictionary)?.[1]),
      signedEnd: secondStart + secondLength,
      byteRangeProblems: problems,
    });
  }
  return found.sort((a, b) => a.signedEnd - b.signedEnd);
}

/** The two parts of the file a signature covers. */
export function byteRangeParts(pdf: Buffer, seal: SignatureDictionary): Buffer[] {
  const [start, firstLength, secondStart, secondLength] = seal.byteRange;
  return [pdf.subarray(start, start + firstLength), pdf.subarray(secondStart, secondStart + secondLength)];
}

/** Where the revision that ends at or just after `offset` really ends: after its %%EOF and end-of-line. */
export function revisionEndAfter(pdf: Buffer, offset: number): number | undefined {
  const marker = pdf.indexOf('%%EOF', Math.max(0, offset - 7), 'latin1');
  if (marker === -1) return undefined;
  let end = marker + 5;
  if (pdf[end] === 0x0d) end += 1;
  if (pdf[end] === 0x0a) end += 1;
  return end;
}

/** A PDF date (D:YYYYMMDDHHmmSSOHH'mm) as a Date. */
function pdfDate(value: string | undefined): Date | undefined {
  const m = value && /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?/.exec(value);
  if (!m) return undefined;
  const zone = !m[7] || m[7] === 'Z' ? 'Z' : m[7].replace(/'/g, '').replace(/(\d{2})(\d{2})$/, '$1:$2');
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The DER value at the start of a zero-padded signature placeholder. */
export function trimPadding(padded: Buffer): Buffer {
  if (padded.length < 2 || padded[0] !== 0x30) throw new Error('the signature value is not DER');
  let length = padded[1]!;
  let header = 2;
  if (length & 0x80) {
    const octets = length & 0x7f;
    if (octets === 0 || octets > 4) throw new Error('the signature value is not DER');
    length = 0;
    for (let index = 0; index < octets; index++) length = length * 256 + (padded[2 + index] ?? 0);
    header += octets;
  }
  if (header + length > padded.length) throw new Error('the signature value is cut short');
  return padded.subarray(0, header + length);
}
