/**
 * CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, a byte-order mark so that spreadsheet
 * programs read UTF-8 (Greek, Cyrillic, ...) correctly, and cells that a spreadsheet would run as
 * a formula (starting with =, +, -, @, tab or carriage return) prefixed with an apostrophe.
 */
export function csvCell(value: string | number | undefined | null): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvDocument(header: readonly string[], rows: readonly (readonly (string | number | undefined | null)[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
