import type { Candle } from '@/lib/core/types';

/** A trade on the chart: entry (▲ below the price) or exit (▼ above it); time in epoch ms UTC. */
export interface TradeMarker {
  time: number;
  price: number;
  kind: 'entry' | 'exit';
}

/** A live horizontal level (entry, take-profit, stop-loss) drawn across the chart. */
export interface PriceLine {
  price: number;
  label: string;
  tone: 'profit' | 'loss' | 'neutral';
}

/** The app's palette (tailwind.config.ts) for the canvas, which cannot read CSS classes. */
export const chartColours = {
  background: '#161c24',
  border: '#243040',
  text: '#94a3b8',
  up: '#22c55e',
  down: '#ef4444',
  accent: '#3b82f6',
  exit: '#f59e0b',
  lines: { profit: '#22c55e', loss: '#ef4444', neutral: '#94a3b8' },
} as const;

export interface ChartBar {
  /** Epoch seconds UTC, as lightweight-charts wants. */
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
}

export interface ChartMarker {
  time: number;
  price: number;
  kind: TradeMarker['kind'];
}

/** Candles (epoch ms) as ascending bars in epoch seconds, one per time. */
export function toChartBars(candles: readonly Candle[]): ChartBar[] {
  const byTime = new Map<number, ChartBar>();
  for (const c of candles) {
    const time = Math.floor(c.time / 1000);
    byTime.set(time, { time, open: c.open, high: c.high, low: c.low, close: c.close });
  }
  return [...byTime.values()].sort((a, b) => a.time - b.time);
}

/**
 * Trades snapped onto the bar they happened in (the last bar opening at or before them), in time
 * order. Trades before the first bar are off the chart. The feeds give closed candles only, so a
 * trade made since the last one closed happened inside the still-forming candle, which opens one
 * step after the last bar: trades up to (not including) `last + 2 × step` are drawn on the last
 * bar; later ones are off the chart. `stepSeconds` is the bar length (the bot's timeframe); without
 * it, the smallest gap between bars.
 */
export function toChartMarkers(
  bars: readonly ChartBar[],
  markers: readonly TradeMarker[],
  stepSeconds?: number,
): ChartMarker[] {
  if (bars.length === 0) return [];
  const first = bars[0]!.time;
  const last = bars[bars.length - 1]!.time;
  const step = stepSeconds && stepSeconds > 0 ? stepSeconds : smallestGap(bars);
  const out: ChartMarker[] = [];
  for (const m of markers) {
    const t = Math.floor(m.time / 1000);
    if (!Number.isFinite(m.price) || t < first || t >= last + 2 * step) continue;
    let lo = 0;
    let hi = bars.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (bars[mid]!.time <= t) lo = mid;
      else hi = mid - 1;
    }
    out.push({ time: bars[lo]!.time, price: m.price, kind: m.kind });
  }
  return out.sort((a, b) => a.time - b.time);
}

/** The shortest distance between consecutive bars in seconds (60 with a single bar). */
function smallestGap(bars: readonly ChartBar[]): number {
  let gap = Infinity;
  for (let i = 1; i < bars.length; i++) gap = Math.min(gap, bars[i]!.time - bars[i - 1]!.time);
  return Number.isFinite(gap) ? gap : 60;
}

/** The test id of a line's legend entry: `line-tp`, `line-sl`, `line-entry`. */
export function lineTestId(label: string): string {
  return `line-${label.toLowerCase().replace(/\W+/g, '-')}`;
}
