import { PDFArray, PDFContext, PDFDict, PDFName, PDFObjectParser, PDFParser, PDFRawStream, PDFRef, PDFString, PDFHexString, PDFXRefStreamParser, decodePDFRawStream, type PDFObject } from 'pdf-lib';
import type { RevocationData } from '../seal/validation/revocation';

/** What was added to a sealed PDF after the revision its seal covers. */
export interface UpdatesAfterSeal {
  /** Changes other than long-term validation data, in plain words; empty when there are none. */
  readonly modifications: readonly string[];
  /** Set when the bytes after the seal are not a PDF incremental update at all. */
  readonly notAnUpdate?: string;
  /** The Document Security Store of the latest revision, when one was added. */
  readonly dss?: RevocationData;
}

const name = PDFName.of;

/**
 * Classifies every object the incremental updates after `sealedEnd` define. Accepted: a Document Security
 * Store and the certificates, CRLs and OCSP responses it holds (ETSI EN 319 142-1, 5.4), document timestamps
 * with their invisible fields, and the catalog, form, page annotations and metadata dates changed only to
 * reach them. Anything else is a modification after sealing, described as a reader would notice it.
 */
export async function updatesAfterSeal(pdf: Buffer, sealedEnd: number): Promise<UpdatesAfterSeal> {
  const tail = pdf.subarray(sealedEnd);
  if (tail.length === 0) return { modifications: [] };
  const tailText = tail.toString('latin1');
  if (!/\d+\s+\d+\s+obj\b|(?:^|\s)xref\s/.test(tailText) || !/startxref\s+\d+\s+%%EOF\s*$/.test(tailText)) {
    return { modifications: [], notAnUpdate: `${tail.length} bytes were added after the sealed document, and they are not a PDF update.` };
  }
  let added: PDFContext;
  let sealed: PDFContext;
  try {
    added = await parseObjects(Buffer.concat([Buffer.from('%PDF-1.7\n'), tail]));
    sealed = await parseObjects(pdf.subarray(0, sealedEnd));
  } catch (error) {
    return { modifications: [], notAnUpdate: `${tail.length} bytes were added after the sealed document that cannot be read as a PDF update (${(error as Error).message}).` };
  }
  const lookup = (value: PDFObject | undefined): PDFObject | undefined => (value instanceof PDFRef ? added.lookup(value) ?? sealed.lookup(value) : value);
  const rootRef = added.trailerInfo.Root instanceof PDFRef ? added.trailerInfo.Root : sealed.trailerInfo.Root;
  const catalog = lookup(rootRef);

  const accepted = new Set<PDFRef>();
  const dss = catalog instanceof PDFDict ? readDss(catalog.get(name('DSS')), lookup, accepted) : undefined;
  const timestampFields = new Set<PDFRef>();
  for (const [ref, object] of added.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && isDocumentTimestamp(object)) accepted.add(ref);
  }
  for (const [ref, object] of added.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && isTimestampField(object, lookup)) {
      accepted.add(ref);
      timestampFields.add(ref);
    }
  }

  const pages = pageNumbers(sealed);
  const oldCatalogRef = sealed.trailerInfo.Root instanceof PDFRef ? sealed.trailerInfo.Root : undefined;
  const oldCatalog = oldCatalogRef ? sealed.lookup(oldCatalogRef) : undefined;
  const oldAcroForm = oldCatalog instanceof PDFDict ? oldCatalog.get(name('AcroForm')) : undefined;
  const infoRef = sealed.trailerInfo.Info instanceof PDFRef ? sealed.trailerInfo.Info : undefined;
  const extendsWithTimestampFields = (before: PDFObject | undefined, after: PDFObject | undefined) => {
    const oldItems = lookup(before);
    const newItems = lookup(after);
    if (!(newItems instanceof PDFArray)) return false;
    const previous = oldItems instanceof PDFArray ? oldItems.asArray() : [];
    const current = newItems.asArray();
    return previous.every((item, index) => current[index] === item || current[index]?.toString() === item.toString())
      && current.slice(previous.length).every((item) => item instanceof PDFRef && timestampFields.has(item));
  };

  const modifications: string[] = [];
  const objectStreams = objectStreamNumbers(pdf.subarray(0, sealedEnd));
  for (const [ref] of added.enumerateIndirectObjects()) {
    if (objectStreams.has(ref.objectNumber)) modifications.push(`Object ${ref.objectNumber}, an object stream holding objects of the sealed document, was replaced.`);
  }
  for (const [ref, object] of added.enumerateIndirectObjects()) {
    if (accepted.has(ref) || objectStreams.has(ref.objectNumber)) continue;
    const before = sealed.lookup(ref);
    if (before && sameObject(before, object)) continue;
    const what = describe(ref, before ?? object, pages);
    if (!before) {
      modifications.push(`${what} was added.`);
      continue;
    }
    if (before instanceof PDFArray && extendsWithTimestampFields(before, object)) continue;
    if (!(before instanceof PDFDict) || !(object instanceof PDFDict)) {
      modifications.push(`${what} was changed.`);
      continue;
    }
    const changed = changedKeys(before, object);
    const allowed = (key: string) => {
      if (ref === oldCatalogRef) return key === 'DSS' || key === 'Extensions' || (key === 'AcroForm' && acroFormOnlyGainsTimestamps(before.get(name(key)), object.get(name(key))));
      if (object.get(name('Type')) === name('Page')) return key === 'Annots' && extendsWithTimestampFields(before.get(name(key)), object.get(name(key)));
      if (ref === oldAcroForm) return key === 'SigFlags' || (key === 'Fields' && extendsWithTimestampFields(before.get(name(key)), object.get(name(key))));
      if (ref === infoRef) return key === 'ModDate' || key === 'Producer';
      return false;
    };
    const refused = changed.filter((key) => !allowed(key));
    if (refused.length > 0) modifications.push(`${what} was changed (${refused.map((key) => describeChange(key, before, object, lookup)).join('; ')}).`);
  }

  for (const objectNumber of freedObjects(tail)) {
    if (objectNumber === UNREADABLE_CROSS_REFERENCE) {
      modifications.push('A cross-reference stream after the seal cannot be read, so what it deletes is unknown.');
      continue;
    }
    const ref = PDFRef.of(objectNumber);
    const before = sealed.lookup(ref);
    if (before || objectStreams.has(objectNumber)) modifications.push(`${before ? describe(ref, before, pages) : `Object ${objectNumber}`} was deleted.`);
  }

  function acroFormOnlyGainsTimestamps(before: PDFObject | undefined, after: PDFObject | undefined): boolean {
    if (before instanceof PDFRef && before === after) return true;
    const oldForm = lookup(before);
    const newForm = lookup(after);
    if (!(newForm instanceof PDFDict)) return false;
    const previous = oldForm instanceof PDFDict ? oldForm : PDFDict.withContext(sealed);
    return changedKeys(previous, newForm).every((key) => key === 'SigFlags' || (key === 'Fields' && extendsWithTimestampFields(previous.get(name(key)), newForm.get(name(key)))));
  }

  return { modifications, dss };
}

/** Stands for a cross-reference stream that cannot be decoded among the numbers of freed objects. */
const UNREADABLE_CROSS_REFERENCE = -1;

/**
 * The objects the updates' cross-reference sections mark free (object 0, the head of the free list,
 * aside): a deleted object is gone for every reader, even though its bytes are still in the file.
 */
function freedObjects(tail: Buffer): number[] {
  const text = tail.toString('latin1');
  const freed: number[] = [];
  for (const section of text.matchAll(/(?:^|\s)xref\s+([\d\s fn]*?)\s*trailer/g)) {
    const tokens = section[1]!.trim().split(/\s+/);
    for (let index = 0; index + 1 < tokens.length;) {
      const first = Number(tokens[index]);
      const count = Number(tokens[index + 1]);
      index += 2;
      for (let entry = 0; entry < count && index + 2 < tokens.length; entry++, index += 3) {
        if (tokens[index + 2] === 'f' && first + entry > 0) freed.push(first + entry);
      }
    }
  }
  for (const header of text.matchAll(/\d+\s+\d+\s+obj\b/g)) {
    const start = header.index + header[0].length;
    if (!/^\s*<<(?:(?!>>)[\s\S]){0,400}\/Type\s*\/XRef\b/.test(text.slice(start, start + 600))) continue;
    try {
      const stream = PDFObjectParser.forBytes(tail.subarray(start), PDFContext.create()).parseObject();
      if (!(stream instanceof PDFRawStream)) throw new Error('not a stream');
      for (const entry of PDFXRefStreamParser.forStream(stream).parseIntoContext()) {
        if (entry.deleted && entry.ref.objectNumber > 0) freed.push(entry.ref.objectNumber);
      }
    } catch {
      freed.push(UNREADABLE_CROSS_REFERENCE);
    }
  }
  return freed;
}

/** The numbers of the sealed revision's object streams, which pdf-lib unpacks and forgets. */
function objectStreamNumbers(sealed: Buffer): Set<number> {
  const numbers = new Set<number>();
  for (const match of sealed.toString('latin1').matchAll(/(\d+)\s+\d+\s+obj\s*<<((?:(?!>>)[\s\S]){0,400})\/Type\s*\/ObjStm\b/g)) numbers.add(Number(match[1]));
  return numbers;
}

async function parseObjects(bytes: Uint8Array): Promise<PDFContext> {
  return PDFParser.forBytesWithOptions(bytes, Number.POSITIVE_INFINITY, true).parseDocument();
}

function isDocumentTimestamp(dict: PDFDict): boolean {
  return dict.get(name('Type')) === name('DocTimeStamp') && dict.get(name('SubFilter')) === name('ETSI.RFC3161');
}

/** A signature field (merged with its widget) whose value is a document timestamp, drawn nowhere. */
function isTimestampField(dict: PDFDict, lookup: (value: PDFObject | undefined) => PDFObject | undefined): boolean {
  const value = lookup(dict.get(name('V')));
  if (dict.get(name('FT')) !== name('Sig') || !(value instanceof PDFDict) || !isDocumentTimestamp(value)) return false;
  const rect = lookup(dict.get(name('Rect')));
  const corners = rect instanceof PDFArray ? rect.asArray().map((corner) => Number(corner.toString())) : [0, 0, 0, 0];
  const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = corners;
  return dict.get(name('AP')) === undefined || x1 === x2 || y1 === y2;
}

/** The DSS's certificates, CRLs and OCSP responses (its own arrays and those of its VRI entries); marks their objects accepted. */
function readDss(value: PDFObject | undefined, lookup: (value: PDFObject | undefined) => PDFObject | undefined, accepted: Set<PDFRef>): RevocationData | undefined {
  const accept = (object: PDFObject | undefined) => {
    if (object instanceof PDFRef) accepted.add(object);
    return lookup(object);
  };
  const dss = accept(value);
  if (!(dss instanceof PDFDict)) return undefined;
  const data = { certificates: [] as Uint8Array[], crls: [] as Uint8Array[], ocspResponses: [] as Uint8Array[] };
  const collect = (holder: PDFDict, key: string, into: Uint8Array[]) => {
    const items = accept(holder.get(name(key)));
    if (!(items instanceof PDFArray)) return;
    for (const item of items.asArray()) {
      const stream = accept(item);
      if (stream instanceof PDFRawStream) into.push(decodePDFRawStream(stream).decode());
    }
  };
  const fill = (holder: PDFDict, keys: [string, string, string]) => {
    collect(holder, keys[0], data.certificates);
    collect(holder, keys[1], data.crls);
    collect(holder, keys[2], data.ocspResponses);
  };
  fill(dss, ['Certs', 'CRLs', 'OCSPs']);
  const vri = accept(dss.get(name('VRI')));
  if (vri instanceof PDFDict) {
    for (const [, entry] of vri.entries()) {
      const dict = accept(entry);
      if (dict instanceof PDFDict) fill(dict, ['Cert', 'CRL', 'OCSP']);
    }
  }
  return data;
}

function sameObject(a: PDFObject, b: PDFObject): boolean {
  if (a instanceof PDFRawStream && b instanceof PDFRawStream) return a.dict.toString() === b.dict.toString() && Buffer.from(a.contents).equals(Buffer.from(b.contents));
  return a.toString() === b.toString();
}

function changedKeys(before: PDFDict, after: PDFDict): string[] {
  const keys = new Set([...before.keys(), ...after.keys()].map((key) => key.decodeText()));
  const changed = [...keys].filter((key) => before.get(name(key))?.toString() !== after.get(name(key))?.toString());
  return changed;
}

/** Page numbers (from 1) of the sealed revision's pages and of the content streams they draw. */
function pageNumbers(context: PDFContext): Map<PDFRef, string> {
  const numbers = new Map<PDFRef, string>();
  const catalog = context.lookup(context.trailerInfo.Root);
  let count = 0;
  const visit = (ref: PDFObject | undefined, depth: number) => {
    const node = ref instanceof PDFRef ? context.lookup(ref) : undefined;
    if (!(node instanceof PDFDict) || depth > 32) return;
    if (node.get(name('Type')) === name('Pages')) {
      const kids = context.lookup(node.get(name('Kids')));
      if (kids instanceof PDFArray) kids.asArray().forEach((kid) => visit(kid, depth + 1));
      return;
    }
    count += 1;
    numbers.set(ref as PDFRef, `page ${count}`);
    const contents = context.lookup(node.get(name('Contents')));
    const streams = contents instanceof PDFArray ? contents.asArray() : [node.get(name('Contents'))];
    for (const stream of streams) if (stream instanceof PDFRef) numbers.set(stream, `the content of page ${count}`);
    const annotations = context.lookup(node.get(name('Annots')));
    if (annotations instanceof PDFArray) for (const annotation of annotations.asArray()) if (annotation instanceof PDFRef) numbers.set(annotation, `an annotation on page ${count}`);
  };
  if (catalog instanceof PDFDict) visit(catalog.get(name('Pages')), 0);
  return numbers;
}

/** How a reader would name an object: "page 2", "the page tree", "a link on page 1", "object 12". */
function describe(ref: PDFRef, object: PDFObject, pages: Map<PDFRef, string>): string {
  const known = pages.get(ref);
  const dict = object instanceof PDFDict ? object : object instanceof PDFRawStream ? object.dict : undefined;
  const type = dict?.get(name('Type'));
  const subtype = dict?.get(name('Subtype'));
  if (subtype === name('Link')) return known ? `A link (${known.replace('an annotation ', '')})` : 'A link';
  if (known) return capitalise(known);
  if (type === name('Page')) return `A page (object ${ref.objectNumber})`;
  if (type === name('Pages')) return 'The page tree';
  if (type === name('Catalog')) return 'The document catalog';
  if (subtype instanceof PDFName && dict?.has(name('Rect'))) return `A ${subtype.decodeText()} annotation (object ${ref.objectNumber})`;
  return `Object ${ref.objectNumber}`;
}

function describeChange(key: string, before: PDFDict, after: PDFDict, lookup: (value: PDFObject | undefined) => PDFObject | undefined): string {
  if (key === 'A') {
    const target = (dict: PDFDict) => {
      const action = lookup(dict.get(name('A')));
      const uri = action instanceof PDFDict ? action.get(name('URI')) : undefined;
      return uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : 'none';
    };
    return `its target went from ${target(before)} to ${target(after)}`;
  }
  if (key === 'Kids') return 'its list of pages';
  if (key === 'Count') return `the number of pages went from ${before.get(name('Count'))?.toString()} to ${after.get(name('Count'))?.toString()}`;
  return `/${key}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
