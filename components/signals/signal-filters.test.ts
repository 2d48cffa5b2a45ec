import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, exportUrl, filterParams, tradesExportUrl } from './signal-filters';

describe('signal filters', () => {
  it('keeps only set filters and widens dates to whole UTC days', () => {
    expect(
      filterParams({
        ...EMPTY_FILTERS,
        symbol: ' btc/usdt ',
        from: '2026-11-01',
        to: '2026-11-02',
      }),
    ).toEqual({
      symbol: 'BTC/USDT',
      from: '2026-11-01T00:00:00Z',
      to: '2026-11-02T23:59:59.999Z',
    });
  });

  it('builds the CSV export link', () => {
    expect(exportUrl(EMPTY_FILTERS)).toBe('/api/signals/export');
    expect(exportUrl({ ...EMPTY_FILTERS, status: 'rejected', source: 'tradingview' })).toBe(
      '/api/signals/export?source=tradingview&status=rejected',
    );
    expect(tradesExportUrl({ ...EMPTY_FILTERS, status: 'rejected', from: '2026-11-01' })).toBe(
      '/api/trades/export?from=2026-11-01T00%3A00%3A00Z',
    );
  });
});
