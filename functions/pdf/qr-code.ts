import { create as createQrCode } from 'qrcode/lib/core/qrcode.js';
import { concatTransformationMatrix, fill, popGraphicsState, pushGraphicsState, rectangle, setFillingColor, type Color, type PDFOperator, type PDFPage } from 'pdf-lib';

/** The four-module quiet zone the QR standard asks for around the symbol. */
const QUIET_ZONE_MODULES = 4;

type Modules = ReturnType<typeof createQrCode>['modules'];

let lastEncoded: { text: string; modules: Modules } | undefined;

/** The symbol's modules; a document measures its code before drawing it, so the last one is kept. */
function modulesOf(text: string): Modules {
  if (lastEncoded?.text !== text) lastEncoded = { text, modules: createQrCode(text, { errorCorrectionLevel: 'M' }).modules };
  return lastEncoded.modules;
}

/** The side of the QR code (quiet zone included) in points, for a module size. */
export function qrCodeSide(text: string, moduleSize: number): number {
  return (modulesOf(text).size + 2 * QUIET_ZONE_MODULES) * moduleSize;
}

/**
 * Draws `text` as a QR code (error correction M) with its bottom-left corner at (x, y), as vector
 * rectangles: one per horizontal run of dark modules, so the symbol stays sharp at any zoom and small. The
 * rectangles make one path filled once (drawn one by one they cost pdf-lib ten operators each), laid out
 * in modules: whole numbers, which keep the content stream short.
 */
export function drawQrCode(page: PDFPage, text: string, at: { x: number; y: number; moduleSize: number; color: Color }): number {
  const modules = modulesOf(text);
  const { size } = modules;
  const runs: PDFOperator[] = [];
  for (let row = 0; row < size; row++) {
    let column = 0;
    while (column < size) {
      if (!modules.get(row, column)) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < size && modules.get(row, column)) column += 1;
      // Rows count down from the top; the PDF's y axis goes up.
      runs.push(rectangle(start, size - 1 - row, column - start, 1));
    }
  }
  const quietZone = QUIET_ZONE_MODULES * at.moduleSize;
  page.pushOperators(
    pushGraphicsState(),
    setFillingColor(at.color),
    concatTransformationMatrix(at.moduleSize, 0, 0, at.moduleSize, at.x + quietZone, at.y + quietZone),
    ...runs,
    fill(),
    popGraphicsState(),
  );
  return (size + 2 * QUIET_ZONE_MODULES) * at.moduleSize;
}
