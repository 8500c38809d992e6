// CSV of a chart's data for Excel: UTF-8 with a BOM (so Excel reads the Chinese), CRLF lines, quoted where needed,
// and text that Excel would take for a formula (= + - @, a tab or a carriage return first) kept inert.
import { downloadBlob } from '../download';

export type CsvCell = string | number | null;

/** What makes Excel (and WPS, LibreOffice) evaluate a CSV field: a formula's first character. */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: CsvCell): string {
  if (value === null) return '';
  let text = String(value);
  // A bank name or a note from a return (=HYPERLINK(…), -2+3) is text: an apostrophe before it makes Excel
  // show it as written, never run it. Numbers are the app's own figures and stay numbers (−5 is −5).
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== String(value) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${[headers, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Offer the CSV as a download named `fileName`. */
export function downloadCsv(fileName: string, csv: string): void {
  downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), fileName);
}
