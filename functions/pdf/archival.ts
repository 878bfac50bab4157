import { createHash } from 'node:crypto';
import { PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import { SRGB_ICC_PROFILE_BASE64 } from './icc/srgb-profile';

/**
 * What makes our documents PDF/A-3b (ISO 19005-3, level B: the pages look the same in any reader, for
 * ever): the document information dictionary mirrored in XMP metadata that identifies the PDF/A part and
 * level, an sRGB output intent with its ICC profile for the DeviceRGB colours we draw in, and a trailer
 * `/ID`. The fonts (embedded subsets, tagged names) are set up in typesetting.ts; the layout uses no
 * transparency, and links and the seal's widget carry the print flag.
 */
export interface ArchivalIdentity {
  /** Stable for the document: the file identifier and the fonts' subset tags are derived from it. */
  readonly documentId: string;
  readonly title: string;
  readonly subject?: string;
  readonly author: string;
  /** The application that made the content (Info /Creator, xmp:CreatorTool). */
  readonly creator: string;
  /** Info /Producer, pdf:Producer. */
  readonly producer: string;
  /** BCP 47, as in the catalog's /Lang. */
  readonly language: string;
  /** Creation and modification date: the document is made once. */
  readonly createdAt: Date;
}

export const PDFA_PART = 3;
export const PDFA_CONFORMANCE = 'B';
/** The registered name of the sRGB characterisation (ICC registry), as output condition identifier. */
export const SRGB_OUTPUT_CONDITION = 'sRGB IEC61966-2.1';

let iccProfile: Uint8Array | undefined;

/** Sets the document information and adds the XMP metadata, the output intent and the file identifier. */
export function makeArchival(doc: PDFDocument, identity: ArchivalIdentity): void {
  doc.setTitle(identity.title, { showInWindowTitleBar: true });
  if (identity.subject !== undefined) doc.setSubject(identity.subject);
  doc.setAuthor(identity.author);
  doc.setCreator(identity.creator);
  doc.setProducer(identity.producer);
  doc.setLanguage(identity.language);
  doc.setCreationDate(identity.createdAt);
  doc.setModificationDate(identity.createdAt);

  const context = doc.context;
  // Left unfiltered, so that any tool (and a reader of the raw file) finds the PDF/A identification.
  const metadata = context.stream(xmpMetadata(identity), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), context.register(metadata));

  iccProfile ??= new Uint8Array(Buffer.from(SRGB_ICC_PROFILE_BASE64, 'base64'));
  const profile = context.register(context.flateStream(iccProfile, { N: 3 }));
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of(SRGB_OUTPUT_CONDITION),
    Info: PDFString.of(SRGB_OUTPUT_CONDITION),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: profile,
  });
  doc.catalog.set(PDFName.of('OutputIntents'), context.obj([intent]));

  // Both halves the same: this is the file's first version (the seal's incremental updates keep the first).
  const id = PDFHexString.of(fileIdentifier(identity));
  context.trailerInfo.ID = context.obj([id, id]);
}

/** 16 bytes of SHA-256 over what identifies the document, in hex: the same document gets the same identifier. */
export function fileIdentifier(identity: Pick<ArchivalIdentity, 'documentId' | 'createdAt'>): string {
  return createHash('sha256').update(`${identity.documentId}\n${identity.createdAt.toISOString()}`).digest('hex').slice(0, 32).toUpperCase();
}

/**
 * The six capital letters before a subset font's name ("ABCDEF+NotoSans-Regular", ISO 32000-1, 9.6.4),
 * derived from the document and the font so that a document's two subsets, and two documents' subsets,
 * get different tags while one document always gets the same.
 */
export function subsetTag(documentId: string, fontName: string): string {
  const digest = createHash('sha256').update(`${documentId}\n${fontName}`).digest();
  return Array.from(digest.subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join('');
}

/** XMP (ISO 16684-1) with the Dublin Core, XMP basic, PDF and PDF/A identification schemas, matching the Info dictionary. */
export function xmpMetadata(identity: ArchivalIdentity): Uint8Array {
  const date = xmpDate(identity.createdAt);
  const text = (value: string) => escapeXml(value);
  const lines = [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    ' xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${text(identity.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${text(identity.author)}</rdf:li></rdf:Seq></dc:creator>`,
    ...(identity.subject === undefined ? [] : [`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${text(identity.subject)}</rdf:li></rdf:Alt></dc:description>`]),
    `<dc:language><rdf:Bag><rdf:li>${text(identity.language)}</rdf:li></rdf:Bag></dc:language>`,
    `<xmp:CreatorTool>${text(identity.creator)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `<pdf:Producer>${text(identity.producer)}</pdf:Producer>`,
    `<pdfaid:part>${PDFA_PART}</pdfaid:part>`,
    `<pdfaid:conformance>${PDFA_CONFORMANCE}</pdfaid:conformance>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="r"?>',
  ];
  return new TextEncoder().encode(lines.join('\n'));
}

/** To the second, in UTC, as pdf-lib writes the Info dictionary's dates (D:20261127093000Z). */
function xmpDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** XML 1.0 text: the markup characters escaped, and the control characters XML cannot carry dropped. */
function escapeXml(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
