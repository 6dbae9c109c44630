/**
 * CSV as RFC 4180 writes it: fields joined by commas, records by CRLF, a field quoted when it
 * holds a comma, a quote, CR or LF, and quotes inside doubled. Pure: the build and the
 * browser's "Download this place" share it.
 */

export type CsvValue = string | number | boolean | null;

/** Excel reads a UTF-8 file as UTF-8 (not the system's code page) only when it starts with a BOM. */
export const BOM = '\uFEFF';

export function csvField(value: CsvValue): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: the BOM, the header row, then one record a row, each line ended by CRLF. */
export function toCsv(columns: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  const lines = [columns, ...rows].map((row) => row.map(csvField).join(','));
  return `${BOM}${lines.map((line) => `${line}\r\n`).join('')}`;
}

/** How list-valued fields (place ids, layers) are written in one CSV cell. */
export const LIST_SEPARATOR = ';';
