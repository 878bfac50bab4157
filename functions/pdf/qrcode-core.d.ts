/**
 * The encoder alone from the `qrcode` package: its main module also loads the PNG, SVG and terminal
 * renderers (and pngjs), which the PDFs, drawing vector modules, never use.
 */
declare module 'qrcode/lib/core/qrcode.js' {
  export { create } from 'qrcode';
}
