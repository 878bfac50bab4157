import { readFileSync } from 'node:fs';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, decodePDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderCertificate } from '../../functions/pdf/certificate';
import { SRGB_ICC_PROFILE_BASE64 } from '../../functions/pdf/icc/srgb-profile';
import { renderJointDeclaration } from '../../functions/pdf/joint-declaration';
import { renderSealedCertificate } from '../../functions/pdf/render-sealed-certificate';
import { createDevelopmentSeal } from '../../functions/seal/in-memory-signer';
import { certificateFor, declaration, signatories } from '../support/certificate-input';

/** What PDF/A-3b asks of our documents, read back from the saved bytes with pdf-lib; qpdf, pdfinfo and pdfsig read them in test/tools/archival-pdf.test.ts. */

const ICC_FILE = new URL('../../functions/pdf/icc/sRGB-v4.icc', import.meta.url);
const { signer } = await createDevelopmentSeal();

const rawStream = (doc: PDFDocument, value: unknown): PDFRawStream => {
  const stream = doc.context.lookup(value as PDFRef);
  if (!(stream instanceof PDFRawStream)) throw new Error('not a stream');
  return stream;
};
const bytesOf = (stream: PDFRawStream) => (stream.dict.has(PDFName.of('Filter')) ? decodePDFRawStream(stream).decode() : stream.getContents());
const infoText = (info: PDFDict, key: string) => {
  const value = info.lookup(PDFName.of(key));
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
};
const infoDate = (info: PDFDict, key: string) => (info.lookup(PDFName.of(key)) as PDFString).decodeDate().toISOString().replace('.000Z', 'Z');

/** One XMP property's text, from its simple form or the single rdf:li of its Alt, Seq or Bag. */
function xmpValue(xmp: string, property: string): string | undefined {
  const match = new RegExp(`<${property}>(?:\\s*<rdf:(?:Alt|Seq|Bag)>\\s*<rdf:li[^>]*>)?([^<]*)<`).exec(xmp);
  return match?.[1]?.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** The PDF/A essentials of a saved document: its identification, metadata, output intent and identifier agree. */
function expectArchival(bytes: Uint8Array, doc: PDFDocument): void {
  const metadata = rawStream(doc, doc.catalog.get(PDFName.of('Metadata')));
  expect(metadata.dict.get(PDFName.of('Type'))).toBe(PDFName.of('Metadata'));
  expect(metadata.dict.get(PDFName.of('Subtype'))).toBe(PDFName.of('XML'));
  expect(metadata.dict.has(PDFName.of('Filter')), 'the metadata stream is left unfiltered').toBe(false);
  const xmp = new TextDecoder().decode(metadata.getContents());
  expect(xmp.startsWith('<?xpacket begin="\uFEFF"')).toBe(true);
  expect(xmpValue(xmp, 'pdfaid:part')).toBe('3');
  expect(xmpValue(xmp, 'pdfaid:conformance')).toBe('B');

  // The document information dictionary and the XMP say the same (ISO 19005-3, 6.6.2.3.1).
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  expect(xmpValue(xmp, 'dc:title')).toBe(infoText(info, 'Title'));
  expect(xmpValue(xmp, 'dc:creator')).toBe(infoText(info, 'Author'));
  expect(xmpValue(xmp, 'dc:description')).toBe(infoText(info, 'Subject'));
  expect(xmpValue(xmp, 'xmp:CreatorTool')).toBe(infoText(info, 'Creator'));
  expect(xmpValue(xmp, 'pdf:Producer')).toBe(infoText(info, 'Producer'));
  expect(xmpValue(xmp, 'xmp:CreateDate')).toBe(infoDate(info, 'CreationDate'));
  expect(xmpValue(xmp, 'xmp:ModifyDate')).toBe(infoDate(info, 'ModDate'));
  expect(infoText(info, 'Title')).toBeTruthy();

  // An sRGB output intent whose profile is the one we ship, whole.
  const intents = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
  expect(intents.size()).toBe(1);
  const intent = intents.lookup(0, PDFDict);
  expect(intent.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFA1'));
  expect(intent.lookup(PDFName.of('OutputConditionIdentifier'), PDFString).decodeText()).toBe('sRGB IEC61966-2.1');
  const profile = rawStream(doc, intent.get(PDFName.of('DestOutputProfile')));
  expect(profile.dict.lookup(PDFName.of('N'), PDFNumber).asNumber()).toBe(3);
  expect(Buffer.from(bytesOf(profile))).toEqual(readFileSync(ICC_FILE));

  // A file identifier of two 16-byte strings (ISO 19005-3, 6.1.3).
  const id = doc.context.trailerInfo.ID;
  expect(id).toBeInstanceOf(PDFArray);
  const [first, second] = (id as PDFArray).asArray();
  expect(first).toBeInstanceOf(PDFHexString);
  expect((first as PDFHexString).asBytes()).toHaveLength(16);
  expect(second?.toString()).toBe(first?.toString());
  // And in the last trailer of the file itself, where readers look for it.
  expect(Buffer.from(bytes).toString('latin1')).toMatch(new RegExp(`/ID\\s*\\[\\s*${first!.toString().replace(/[<>]/g, '\\$&')}`));

  // Every annotation prints (6.3.2): links and the seal's widget alike.
  for (const page of doc.getPages()) {
    for (const ref of page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? []) {
      const flags = doc.context.lookup(ref, PDFDict).lookupMaybe(PDFName.of('F'), PDFNumber)?.asNumber() ?? 0;
      expect(flags & 0b100, 'print flag').toBe(0b100);
      expect(flags & 0b100011, 'invisible, hidden or no-view flag').toBe(0);
    }
  }

  // No transparency (6.4): no soft masks, no constant alpha below 1, no transparency groups.
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFDict ? object : object instanceof PDFRawStream ? object.dict : undefined;
    if (!dict) continue;
    expect(dict.has(PDFName.of('SMask'))).toBe(false);
    for (const alpha of ['CA', 'ca']) expect(dict.lookupMaybe(PDFName.of(alpha), PDFNumber)?.asNumber() ?? 1).toBe(1);
    expect(dict.lookupMaybe(PDFName.of('Group'), PDFDict)?.get(PDFName.of('S'))).not.toBe(PDFName.of('Transparency'));
  }

  // Embedded font subsets named with their six-letter tag.
  const fontNames = [...doc.context.enumerateIndirectObjects()]
    .map(([, object]) => object)
    .filter((object): object is PDFDict => object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('FontDescriptor'))
    .map((descriptor) => {
      expect(descriptor.has(PDFName.of('FontFile2')), 'the font program is embedded').toBe(true);
      return descriptor.get(PDFName.of('FontName'))!.toString();
    });
  expect(fontNames).toHaveLength(2);
  for (const name of fontNames) expect(name).toMatch(/^\/[A-Z]{6}\+NotoSans-(Regular|Bold)$/);
  expect(fontNames.map((name) => name.slice(8)).sort()).toEqual(['NotoSans-Bold', 'NotoSans-Regular']);
}

describe('PDF/A-3b', () => {
  it('ships the sRGB profile inlined as the very bytes of the ICC file beside it, a version 4 RGB display profile', () => {
    const profile = readFileSync(ICC_FILE);
    expect(Buffer.from(SRGB_ICC_PROFILE_BASE64, 'base64')).toEqual(profile);
    expect(profile.readUInt32BE(0)).toBe(profile.length);
    expect(profile.toString('latin1', 36, 40)).toBe('acsp');
    expect(profile.toString('latin1', 12, 16)).toBe('mntr');
    expect(profile.toString('latin1', 16, 20)).toBe('RGB ');
    expect(profile.readUInt8(8)).toBe(4);
  });

  it('makes the sealed certificate PDF/A-3b, and the seal keeps what it needs', async () => {
    const input = certificateFor(signatories.find((s) => s.country === 'MT')!);
    const bytes = await renderSealedCertificate(input, signer, { sealedAt: new Date('2026-11-27T09:31:00Z') });
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expectArchival(bytes, doc);
    expect(new TextDecoder().decode(rawStream(doc, doc.catalog.get(PDFName.of('Metadata'))).getContents())).toContain('<dc:language><rdf:Bag><rdf:li>en</rdf:li>');
  });

  it('makes the joint declaration PDF/A-3b', async () => {
    const text = 'The signatories commit to act together.';
    const rendered = await renderJointDeclaration({
      documentId: 'dcl_archival',
      declaration: declaration(text),
      closedAt: '2026-12-01T17:00:00Z',
      signatories: signatories.map((s) => ({ organisation: s.organisation, category: s.category, country: s.country, signer: s.contact, signedAt: '2026-11-26T12:00:00Z' })),
      verificationUrl: 'https://signing.example.eu/verify/dcl_archival',
    });
    const bytes = await rendered.save();
    expectArchival(bytes, await PDFDocument.load(bytes, { updateMetadata: false }));
  });

  it('writes metadata with markup characters escaped, and the same identifier and font tags for the same document', async () => {
    const input = certificateFor(signatories[0]!, { organisation: { name: 'Ports & Harbours <Rotterdam> "Zuid"', country: 'NL' } });
    const save = async () => (await renderCertificate(input)).save();
    const [one, two] = [await save(), await save()];
    const doc = await PDFDocument.load(one, { updateMetadata: false });
    const xmp = new TextDecoder().decode(rawStream(doc, doc.catalog.get(PDFName.of('Metadata'))).getContents());
    expect(xmp).toContain('Ports &amp; Harbours &lt;Rotterdam&gt; &quot;Zuid&quot;');
    expectArchival(one, doc);
    expect(Buffer.from(two)).toEqual(Buffer.from(one));
    const other = await PDFDocument.load(await (await renderCertificate({ ...input, documentId: 'cmt_other' })).save(), { updateMetadata: false });
    expect(other.context.trailerInfo.ID?.toString()).not.toBe(doc.context.trailerInfo.ID?.toString());
  });
});
