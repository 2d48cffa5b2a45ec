/**
 * Reading OHLCV CSV cells: which column is which (by header name, or by position when the file
 * has no header), times in epoch seconds / ms / µs / ns or ISO-8601 dates (UTC unless a zone is
 * given), and strict decimal numbers.
 */

export type CsvField = 'time' | 'open' | 'high' | 'low' | 'close' | 'volume';

export type ColumnMap = Record<Exclude<CsvField, 'volume'>, number> & { volume?: number };

/** Accepted header names per field, most specific first. */
const ALIASES: Record<CsvField, readonly string[]> = {
  time: ['open_time', 'opentime', 'timestamp', 'time', 'unix', 'datetime', 'date', 'ts', 't'],
  open: ['open', 'o'],
  high: ['high', 'h'],
  low: ['low', 'l'],
  close: ['close', 'c'],
  volume: ['volume', 'vol', 'v', 'base_volume'],
};

const normalise = (name: string): string =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** The column of each field when `cells` is a header row, or null when it is not one. */
export function columnsFromHeader(cells: readonly string[]): ColumnMap | null {
  const names = cells.map(normalise);
  const find = (field: CsvField): number | undefined => {
    for (const alias of ALIASES[field]) {
      const i = names.indexOf(alias);
      if (i !== -1) return i;
    }
    // "Volume BTC", "volume_usdt": the first column that starts with "volume" is the base volume.
    if (field === 'volume') {
      const i = names.findIndex((n) => n.startsWith('volume'));
      if (i !== -1) return i;
    }
    return undefined;
  };
  const time = find('time');
  const open = find('open');
  const high = find('high');
  const low = find('low');
  const close = find('close');
  if (
    time === undefined ||
    open === undefined ||
    high === undefined ||
    low === undefined ||
    close === undefined
  ) {
    return null;
  }
  const volume = find('volume');
  return { time, open, high, low, close, ...(volume === undefined ? {} : { volume }) };
}

/** time, open, high, low, close[, volume]: the order every exchange export uses. */
export function positionalColumns(width: number): ColumnMap {
  return { time: 0, open: 1, high: 2, low: 3, close: 4, ...(width > 5 ? { volume: 5 } : {}) };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A strict decimal number (no thousands separators, no units), or null. */
export function readNumber(cell: string): number | null {
  const text = cell.trim();
  if (!NUMBER.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

const ISO_DATE =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?))?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Epoch ms from a cell: epoch s/ms/µs/ns by magnitude, or an ISO date (UTC by default). */
export function readTime(cell: string): number | null {
  const text = cell.trim();
  const numeric = readNumber(text);
  if (numeric !== null) {
    const magnitude = Math.abs(numeric);
    const ms =
      magnitude < 1e11
        ? numeric * 1000
        : magnitude < 1e14
          ? numeric
          : magnitude < 1e17
            ? numeric / 1e3
            : numeric / 1e6;
    return Number.isInteger(ms) ? ms : Math.abs(ms - Math.round(ms)) < 1e-6 ? Math.round(ms) : null;
  }
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [, day, clock, zone] = match;
  const fraction = clock?.split('.')[1];
  const trimmedClock =
    fraction && fraction.length > 3 ? clock?.slice(0, clock.length - fraction.length + 3) : clock;
  const offset =
    !zone || zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const iso = `${day}T${trimmedClock ?? '00:00'}${offset}`;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

/** The delimiter of a CSV line: whichever of `,`, `;`, tab occurs most (comma on a tie). */
export function detectDelimiter(firstLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}
