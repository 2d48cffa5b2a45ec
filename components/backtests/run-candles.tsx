import { CandleChart } from '@/components/charts/candle-chart';
import type { DisplayCandles } from '@/lib/backtests/display-candles-load';
import type { TradeEndMarker } from '@/lib/backtests/display-candles';
import { Alert } from '@/components/ui/alert';
import { formatDateTime, formatPrice } from '@/lib/format';

/**
 * The market a run traded, as candles (merged to at most 1 000 on screen) with each trade's entry
 * (▲) and exit (▼) at its fill price. Server component; the chart itself draws in the browser.
 */
export function RunCandles({
  candles,
  markers,
  symbol,
  timeframe,
}: {
  candles: DisplayCandles;
  markers: readonly TradeEndMarker[];
  symbol: string;
  timeframe: string;
}) {
  if ('error' in candles) {
    return <Alert tone="warning">The candles cannot be shown: {candles.error}</Alert>;
  }
  return (
    <div className="space-y-2">
      <p className="text-xs text-slate-400" data-testid="run-candles-scale">
        {symbol} ·{' '}
        {candles.barsPerCandle === 1
          ? `one candle per ${timeframe} bar`
          : `one candle per ${candles.barsPerCandle} × ${timeframe} bars`}
      </p>
      <CandleChart
        candles={candles.candles}
        markers={markers}
        label={`${symbol} ${timeframe} candles with the run's trade entries and exits`}
      />
      {markers.length > 0 && (
        <details className="text-xs text-slate-400">
          <summary className="cursor-pointer select-none hover:text-slate-200">
            The {markers.length} markers (time, price, side or exit reason)
          </summary>
          <ol
            className="mt-2 max-h-48 space-y-0.5 overflow-y-auto font-mono"
            data-testid="run-markers"
          >
            {markers.map((m) => (
              <li key={`${m.tradeId}-${m.kind}`}>
                <span className={m.kind === 'entry' ? 'text-accent' : 'text-amber-400'}>
                  {m.kind === 'entry' ? '▲' : '▼'}
                </span>{' '}
                {formatDateTime(m.time)} · {formatPrice(m.price)} · {m.text}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
