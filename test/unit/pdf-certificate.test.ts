import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream, decodePDFRawStream, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { formatUtc, renderCertificate, type CertificateInput } from '../../functions/pdf/certificate';
import { drawQrCode } from '../../functions/pdf/qr-code';
import { renderSealedCertificate } from '../../functions/pdf/render-sealed-certificate';
import { verifySealedPdf } from '../../functions/pdf/verify-seal';
import { createDevelopmentSeal } from '../../functions/seal/in-memory-signer';
import { certificateFor, signatories } from '../support/certificate-input';

/** What the certificate holds, read with pdf-lib and fontkit; pdftotext, pdfsig and qpdf read it in test/tools/pdf-certificate.test.ts. */

describe('certificate content', () => {
  it('draws the verification URL as a QR code whose modules are exactly those of the encoded URL, as one filled path', async () => {
    const url = 'https://sign.ports-alliance.example/verify/cmt_01JDTESTCERTIFICATE0000000';
    const doc = await PDFDocument.create();
    const moduleSize = 2;
    const side = drawQrCode(doc.addPage(), url, { x: 0, y: 0, moduleSize, color: rgb(0, 0, 0) });
    const page = (await PDFDocument.load(await doc.save())).getPage(0).node;
    const contents = page.lookup(PDFName.of('Contents'));
    const stream = contents instanceof PDFArray ? contents.lookup(0, PDFStream) : (contents as PDFStream);
    const operators = new TextDecoder().decode(decodeStream(stream));
    expect(operators.match(/^f$/gm)).toHaveLength(1);
    // Rectangles are laid out in a coordinate system of their own: map them to the page's.
    const [scale, , , , dx, dy] = /^(\S+) (\S+) (\S+) (\S+) (\S+) (\S+) cm$/m.exec(operators)!.slice(1).map(Number) as number[];
    const rectangles = [...operators.matchAll(/^(\S+) (\S+) (\S+) \S+ re$/gm)].map(([, x, y, width]) => ({ x: dx! + scale! * Number(x), y: dy! + scale! * Number(y), width: scale! * Number(width) }));
    expect(rectangles.length).toBeGreaterThan(0);

    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
    expect(side).toBe((modules.size + 8) * moduleSize);
    const drawn = new Set<string>();
    for (const { x, y, width } of rectangles) {
      const row = Math.round((side - y) / moduleSize) - 4 - 1;
      for (let column = Math.round(x / moduleSize) - 4; column < Math.round((x + width) / moduleSize) - 4; column++) drawn.add(`${row},${column}`);
    }
    for (let row = 0; row < modules.size; row++) {
      for (let column = 0; column < modules.size; column++) expect(drawn.has(`${row},${column}`), `${row},${column}`).toBe(Boolean(modules.get(row, column)));
    }
  });

  it('embeds subset glyphs whose outlines match Noto Sans', async () => {
    // Guards our TrueType subsetting (truetype.ts): a wrong glyph offset draws letters blank while text
    // extraction still works.
    const doc = await renderCertificate(certificateFor(signatories.find((s) => s.country === 'PL')!));
    const saved = await PDFDocument.load(await doc.save());
    // The full families the committed subsets were cut from.
    const family = (file: string) => fontkit.create(readFileSync(createRequire(import.meta.url).resolve(`@expo-google-fonts/noto-sans/${file}`)));
    const originals = { regular: family('400Regular/NotoSans_400Regular.ttf'), bold: family('700Bold/NotoSans_700Bold.ttf') };

    const embedded = embeddedFonts(saved);
    // Named as PDF names a subset (ISO 32000-1, 9.6.4): six capital letters, a plus sign, the PostScript name.
    expect(embedded.map((font) => font.name.replace(/^\/[A-Z]{6}\+/, '')).sort()).toEqual(['NotoSans-Bold', 'NotoSans-Regular']);
    for (const { name } of embedded) expect(name).toMatch(/^\/[A-Z]{6}\+NotoSans-(Regular|Bold)$/);
    for (const { name, subset, characterByGlyph } of embedded) {
      const original = name.includes('Bold') ? originals.bold : originals.regular;
      expect(characterByGlyph.size).toBeGreaterThan(20);
      for (const [glyphId, codePoint] of characterByGlyph) {
        const expected = original.glyphForCodePoint(codePoint).path.toSVG();
        expect(subset.getGlyph(glyphId).path.toSVG(), `${name} ${String.fromCodePoint(codePoint)}`).toBe(expected);
      }
    }
  });

  it('formats timestamps in UTC and names the zone', () => {
    expect(formatUtc('2026-11-26T12:00:00Z')).toBe('2026-11-26 12:00:00 UTC');
    expect(formatUtc('2026-11-26T13:00:00.456+01:00')).toBe('2026-11-26 12:00:00 UTC');
    expect(() => formatUtc('26/11/2026')).toThrow(/ISO 8601/);
  });

  it('refuses a declaration hash that does not match its text', async () => {
    const input = certificateFor(signatories[0]!);
    input.declaration = { ...input.declaration, textSha256: '0'.repeat(64) };
    await expect(renderCertificate(input)).rejects.toThrow(/textSha256/);
  });
});

describe('characters no font has', () => {
  it('are reported once each, and the certificate is still sealed', async () => {
    const seal = await createDevelopmentSeal();
    const missing: string[] = [];
    const input = certificateFor(signatories[0]!, {
      signer: { name: 'Zhang 张伟 🚢️ Wei', title: 'Liaison 张', email: 'z@x.example', signedAt: '2026-11-26T12:00:00Z' },
    });
    const bytes = await renderSealedCertificate(input, seal.signer, { onMissingGlyph: (character) => missing.push(character) });

    expect(missing).toEqual(['张', '伟', '🚢']);
    expect((await verifySealedPdf(bytes, [seal.certificateDer])).valid).toBe(true);
  });
});

interface EmbeddedFont {
  name: string;
  subset: ReturnType<typeof fontkit.create>;
  /** Subset glyph id to the character the ToUnicode map assigns it. */
  characterByGlyph: Map<number, number>;
}

function embeddedFonts(doc: PDFDocument): EmbeddedFont[] {
  const fonts: EmbeddedFont[] = [];
  for (const [, font] of doc.context.enumerateIndirectObjects()) {
    if (!(font instanceof PDFDict) || font.get(PDFName.of('Subtype')) !== PDFName.of('Type0')) continue;
    const cidFont = font.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
    const fontFile = cidFont.lookup(PDFName.of('FontDescriptor'), PDFDict).lookup(PDFName.of('FontFile2'), PDFStream);
    const toUnicode = new TextDecoder().decode(decodeStream(font.lookup(PDFName.of('ToUnicode'), PDFStream)));
    const characterByGlyph = new Map<number, number>();
    for (const [, glyphHex = '', utf16Hex = ''] of toUnicode.matchAll(/<([0-9a-f]{4})> <([0-9a-f]{4,8})>/gi)) {
      const character = Buffer.from(utf16Hex, 'hex').swap16().toString('utf16le');
      characterByGlyph.set(parseInt(glyphHex, 16), character.codePointAt(0) ?? 0);
    }
    fonts.push({ name: String(font.get(PDFName.of('BaseFont'))), subset: fontkit.create(decodeStream(fontFile)), characterByGlyph });
  }
  return fonts;
}

function decodeStream(stream: PDFStream): Uint8Array {
  if (!(stream instanceof PDFRawStream)) throw new Error('expected a stream read from a file');
  return decodePDFRawStream(stream).decode();
}
