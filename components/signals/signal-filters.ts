/** The signal list's filters, as the form holds them and as query-string parameters. */
export interface SignalFilters {
  source: string;
  status: string;
  symbol: string;
  from: string;
  to: string;
}

export const EMPTY_FILTERS: SignalFilters = {
  source: '',
  status: '',
  symbol: '',
  from: '',
  to: '',
};

/** Only the filters that are set, with dates as whole UTC days (`to` inclusive). */
export function filterParams(f: SignalFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.source) out.source = f.source;
  if (f.status) out.status = f.status;
  if (f.symbol.trim()) out.symbol = f.symbol.trim().toUpperCase();
  if (f.from) out.from = `${f.from}T00:00:00Z`;
  if (f.to) out.to = `${f.to}T23:59:59.999Z`;
  return out;
}

export function exportUrl(f: SignalFilters): string {
  const query = new URLSearchParams(filterParams(f)).toString();
  return `/api/signals/export${query ? `?${query}` : ''}`;
}

/** Trades (orders with their P&L) over the same date range. */
export function tradesExportUrl(f: SignalFilters): string {
  const { from, to } = filterParams(f);
  const query = new URLSearchParams({
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  }).toString();
  return `/api/trades/export${query ? `?${query}` : ''}`;
}
