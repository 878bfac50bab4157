import { PDFArray, PDFContext, PDFDict, PDFName, PDFParser, PDFRef, type PDFObject } from 'pdf-lib';

/**
 * Appends incremental updates to a signed PDF without touching a byte before them (ISO 32000-1, 7.5.6):
 * new and replaced objects, then a cross-reference stream chained to the previous one by /Prev. pdf-lib
 * only parses the file here and serialises single objects; it never saves the document, which would
 * rewrite content streams and reuse the numbers of the object streams it unpacked.
 */
export class IncrementalWriter {
  private constructor(
    private bytes: Buffer,
    /** The objects as the latest revision holds them, for reading and for changing before they are written again. */
    readonly context: PDFContext,
    private nextNumber: number,
  ) {}

  static async open(pdf: Buffer): Promise<IncrementalWriter> {
    const context = await PDFParser.forBytesWithOptions(pdf, Number.POSITIVE_INFINITY, false).parseDocument();
    return new IncrementalWriter(pdf, context, previousSize(pdf));
  }

  get pdf(): Buffer {
    return this.bytes;
  }

  get catalogRef(): PDFRef {
    const root = this.context.trailerInfo.Root;
    if (!(root instanceof PDFRef)) throw new Error('the PDF trailer names no catalog');
    return root;
  }

  get catalog(): PDFDict {
    return this.context.lookup(this.catalogRef, PDFDict);
  }

  /** A number for a new object, above every number the file has used (object streams included). */
  allocate(): PDFRef {
    const ref = PDFRef.of(this.nextNumber);
    this.nextNumber += 1;
    return ref;
  }

  /**
   * Appends one update holding these objects (serialised bytes, or pdf-lib objects serialised here) and
   * returns where each object's bytes start in the file.
   */
  append(objects: readonly (readonly [PDFRef, PDFObject | Buffer])[]): Map<number, number> {
    const offsets = new Map<number, number>();
    const parts: Buffer[] = [this.bytes.at(-1) === 0x0a ? Buffer.alloc(0) : Buffer.from('\n')];
    let offset = this.bytes.length + parts[0]!.length;
    for (const [ref, object] of objects) {
      const text = Buffer.concat([Buffer.from(`${ref.objectNumber} 0 obj\n`), Buffer.isBuffer(object) ? object : serialise(object as PDFObject), Buffer.from('\nendobj\n')]);
      offsets.set(ref.objectNumber, offset);
      parts.push(text);
      offset += text.length;
    }
    const xref = this.allocate();
    offsets.set(xref.objectNumber, offset);
    const numbers = [...offsets.keys()].sort((a, b) => a - b);
    const rows = Buffer.concat(numbers.map((number) => {
      const row = Buffer.alloc(7);
      row[0] = 1;
      row.writeUInt32BE(offsets.get(number)!, 1);
      return row;
    }));
    const { Root, Info, ID } = this.context.trailerInfo;
    const trailer = [
      `/Type /XRef /Size ${this.nextNumber} /Root ${String(Root)}`,
      Info ? `/Info ${String(Info)}` : '',
      ID ? `/ID ${String(ID)}` : '',
      `/Prev ${previousStartXref(this.bytes)} /W [1 4 2] /Index [${numbers.map((number) => `${number} 1`).join(' ')}] /Length ${rows.length}`,
    ].filter(Boolean).join(' ');
    parts.push(Buffer.from(`${xref.objectNumber} 0 obj\n<< ${trailer} >>\nstream\n`), rows, Buffer.from(`\nendstream\nendobj\nstartxref\n${offset}\n%%EOF\n`));
    this.bytes = Buffer.concat([this.bytes, ...parts]);
    return offsets;
  }

  /** A stream object's bytes: its dictionary (with /Length) and raw content. */
  static stream(content: Uint8Array, entries = ''): Buffer {
    return Buffer.concat([Buffer.from(`<< ${entries ? `${entries} ` : ''}/Length ${content.length} >>\nstream\n`), content, Buffer.from('\nendstream')]);
  }

  /** The array an entry holds, directly or through a reference, and the reference when it has one. */
  arrayOf(holder: PDFDict, key: string): { array: PDFArray; ref?: PDFRef } | undefined {
    const value = holder.get(PDFName.of(key));
    if (value instanceof PDFRef) {
      const array = this.context.lookup(value);
      return array instanceof PDFArray ? { array, ref: value } : undefined;
    }
    return value instanceof PDFArray ? { array: value } : undefined;
  }
}

function serialise(object: PDFObject): Buffer {
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return Buffer.from(bytes);
}

/** The latest revision's /Size: the next free object number. */
function previousSize(pdf: Buffer): number {
  const tail = pdf.subarray(Math.max(0, previousStartXref(pdf))).toString('latin1');
  const size = /\/Size\s+(\d+)/.exec(tail)?.[1];
  if (!size) throw new Error('the PDF\'s last cross-reference section has no /Size');
  return Number(size);
}

function previousStartXref(pdf: Buffer): number {
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(pdf.subarray(-64).toString('latin1'));
  if (!match) throw new Error('the PDF does not end with startxref and %%EOF');
  return Number(match[1]);
}
