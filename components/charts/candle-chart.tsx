'use client';

import { useMemo } from 'react';
import type { Candle } from '@/lib/core/types';
import { formatPrice } from '@/lib/format';
import { CandleChartCanvas } from './candle-chart-canvas';
import {
  chartColours,
  lineTestId,
  toChartBars,
  toChartMarkers,
  type PriceLine,
  type TradeMarker,
} from './candle-chart-data';

export type { PriceLine, TradeMarker } from './candle-chart-data';

/**
 * Candlesticks (TradingView lightweight-charts, drawn on a canvas in the browser) with entry (▲)
 * and exit (▼) markers and the live take-profit / stop-loss lines. The canvas is not readable by
 * assistive technology or tests, so a caption describes the chart and a legend lists the lines
 * and the trades shown. The page re-renders it with new props on live events.
 */
export function CandleChart({
  candles,
  markers = [],
  lines = [],
  height = 340,
  label,
  barMs,
}: {
  candles: readonly Candle[];
  markers?: readonly TradeMarker[];
  lines?: readonly PriceLine[];
  height?: number;
  label: string;
  /** The candles' timeframe in ms; without it, the smallest gap between candles. */
  barMs?: number;
}) {
  const bars = useMemo(() => toChartBars(candles), [candles]);
  const shown = useMemo(
    () => toChartMarkers(bars, markers, barMs && barMs / 1000),
    [bars, markers, barMs],
  );
  if (bars.length === 0) {
    return (
      <div
        style={{ height }}
        className="flex items-center justify-center rounded-md border border-dashed border-surface-border text-sm text-slate-400"
      >
        No candles available for this market yet.
      </div>
    );
  }
  const entries = shown.filter((m) => m.kind === 'entry').length;
  const exits = shown.length - entries;
  const from = new Date(bars[0]!.time * 1000).toISOString().slice(11, 16);
  const to = new Date(bars[bars.length - 1]!.time * 1000).toISOString().slice(11, 16);
  return (
    <figure aria-label={label} data-testid="candle-chart" className="space-y-2">
      <CandleChartCanvas bars={bars} markers={shown} lines={lines} height={height} />
      <figcaption className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-400">
        <span>
          {bars.length} candles, {from}–{to} UTC
        </span>
        <span data-testid="chart-markers">
          <span style={{ color: chartColours.accent }}>▲</span> {entries}{' '}
          {entries === 1 ? 'entry' : 'entries'} ·{' '}
          <span style={{ color: chartColours.exit }}>▼</span> {exits}{' '}
          {exits === 1 ? 'exit' : 'exits'}
        </span>
        {lines.map((l) => (
          <span
            key={`${l.label}-${l.price}`}
            className="inline-flex items-center gap-1.5 font-mono tabular-nums"
          >
            <span
              aria-hidden="true"
              className="inline-block h-0 w-4 border-t-2 border-dashed"
              style={{ borderColor: chartColours.lines[l.tone] }}
            />
            <span data-testid={lineTestId(l.label)} className="text-slate-200">
              {l.label} {formatPrice(l.price)}
            </span>
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
