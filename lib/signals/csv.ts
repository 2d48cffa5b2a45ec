/** Characters that make a spreadsheet read a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell that opens cleanly in a spreadsheet: a text starting with = + - @ tab or CR gets
 * a leading apostrophe (so it is shown, never evaluated), and quotes, commas and line breaks
 * are quoted. Numbers are written as they are (a negative P&L stays a number).
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** A decimal money text as a plain number text (`1.500000000000000000` → `1.5`); signs kept. */
export function decimalText(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/**
 * Streams a CSV: the header, then pages fetched one at a time (keyset), so a large range never
 * sits in memory. Starts with a UTF-8 BOM so spreadsheets read non-ASCII text correctly.
 */
export function csvStream<T>(
  header: string[],
  nextPage: (after: T | undefined) => Promise<T[]>,
  toCells: (row: T) => (string | number | null | undefined)[],
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let last: T | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(header)}`));
        return;
      }
      const rows = await nextPage(last);
      if (rows.length === 0) {
        controller.close();
        return;
      }
      last = rows[rows.length - 1];
      controller.enqueue(encoder.encode(rows.map((r) => csvLine(toCells(r))).join('')));
    },
  });
}
