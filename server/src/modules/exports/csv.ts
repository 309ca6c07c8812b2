/**
 * CSV (RFC 4180) for exports opened in spreadsheets: every cell quoted when it holds a comma,
 * quote, CR or LF (quotes doubled), and a cell that a spreadsheet would read as a formula
 * (starting with =, +, -, @, or a tab or CR) prefixed with a single quote (OWASP's CSV injection
 * advice), so an exported subject like `=HYPERLINK(...)` is shown, never evaluated.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export type CsvValue = string | number | boolean | Date | null | undefined;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  // Numbers are data, not formulas (a negative amount stays a number).
  if (typeof value !== 'number' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
