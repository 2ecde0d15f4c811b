/**
 * CSV as RFC 4180 writes it (CRLF between records, a field quoted when it holds a comma, a
 * quote, CR or LF, quotes doubled), made safe to open in a spreadsheet.
 */

/** A cell: text, a number, or nothing (an empty field). */
export type CsvCell = string | number | null;

/**
 * First characters that make Excel, LibreOffice Calc or Google Sheets read a cell as a formula
 * (OWASP "CSV Injection"): `=HYPERLINK(…)` in a quote would run when the file is opened.
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Text a spreadsheet shows as text: a cell that starts with a formula trigger gets a leading
 * `'`, which spreadsheets take as "this is text". Applied to text cells only; number cells are
 * written as they are, so a real negative number would stay a number (the report's numbers —
 * paragraph and offsets — are never negative anyway).
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_TRIGGERS.has(text.charAt(0)) ? `'${text}` : text;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One field as RFC 4180 writes it: quoted only when it has to be. */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function cellText(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  return neutraliseFormula(cell);
}

/**
 * A whole file: every record ends with CRLF (the last too, as Excel writes it). `bom` starts it
 * with U+FEFF, without which Excel on Windows reads UTF-8 as the local code page.
 */
export function csvDocument(rows: readonly (readonly CsvCell[])[], opts: { bom?: boolean } = {}): string {
  const body = rows.map((row) => row.map((cell) => csvField(cellText(cell))).join(',') + '\r\n').join('');
  return opts.bom ? `\uFEFF${body}` : body;
}
