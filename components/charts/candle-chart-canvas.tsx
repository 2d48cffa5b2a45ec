'use client';

import { useEffect, useRef, useState } from 'react';
import type * as LightweightChartsModule from 'lightweight-charts';
import type {
  AutoscaleInfo,
  CandlestickData,
  IChartApi,
  ISeriesApi,
  ISeriesMarkersPluginApi,
  SeriesMarker,
  Time,
  UTCTimestamp,
} from 'lightweight-charts';
import { formatPrice } from '@/lib/format';
import { chartColours, type ChartBar, type ChartMarker, type PriceLine } from './candle-chart-data';

type LightweightCharts = typeof LightweightChartsModule;

interface ChartHandle {
  lc: LightweightCharts;
  chart: IChartApi;
  series: ISeriesApi<'Candlestick'>;
  markers: ISeriesMarkersPluginApi<Time>;
}

/**
 * The canvas: TradingView lightweight-charts, loaded in the browser only (its chunk is fetched
 * when this mounts, so no other page pays for it). Created once, sized to its container, fed new
 * bars, markers and price lines whenever the server-rendered page refreshes, removed on unmount.
 */
export function CandleChartCanvas({
  bars,
  markers,
  lines,
  height,
}: {
  bars: readonly ChartBar[];
  markers: readonly ChartMarker[];
  lines: readonly PriceLine[];
  height: number;
}) {
  const container = useRef<HTMLDivElement>(null);
  const linePrices = useRef<number[]>([]);
  /** False once the chart is removed, so a later cleanup does not touch a disposed chart. */
  const alive = useRef(false);
  const [handle, setHandle] = useState<ChartHandle | null>(null);

  useEffect(() => {
    let disposed = false;
    let chart: IChartApi | null = null;
    void import('lightweight-charts').then((lc) => {
      if (disposed || !container.current) return;
      chart = lc.createChart(container.current, {
        autoSize: true,
        layout: {
          background: { type: lc.ColorType.Solid, color: chartColours.background },
          textColor: chartColours.text,
          fontSize: 11,
          // lightweight-charts is Apache-2.0 with an attribution requirement: keep its logo on.
          attributionLogo: true,
        },
        grid: {
          vertLines: { color: chartColours.border, style: lc.LineStyle.Dotted },
          horzLines: { color: chartColours.border, style: lc.LineStyle.Dotted },
        },
        rightPriceScale: { borderColor: chartColours.border },
        timeScale: { borderColor: chartColours.border, timeVisible: true, secondsVisible: false },
        localization: { priceFormatter: (p: number) => formatPrice(p) },
      });
      const series = chart.addSeries(lc.CandlestickSeries, {
        upColor: chartColours.up,
        downColor: chartColours.down,
        borderVisible: false,
        wickUpColor: chartColours.up,
        wickDownColor: chartColours.down,
        // Keep the take-profit and stop-loss on screen even when price is far from them.
        autoscaleInfoProvider: (base: () => AutoscaleInfo | null) => {
          const info = base();
          const extra = linePrices.current;
          if (!info?.priceRange || extra.length === 0) return info;
          return {
            ...info,
            priceRange: {
              minValue: Math.min(info.priceRange.minValue, ...extra),
              maxValue: Math.max(info.priceRange.maxValue, ...extra),
            },
          };
        },
      });
      alive.current = true;
      setHandle({ lc, chart, series, markers: lc.createSeriesMarkers(series, []) });
    });
    return () => {
      disposed = true;
      alive.current = false;
      chart?.remove();
    };
  }, []);

  useEffect(() => {
    if (!handle) return;
    const { lc, chart, series } = handle;
    const first = series.data().length === 0;
    linePrices.current = lines.map((l) => l.price).filter((p) => Number.isFinite(p));
    series.setData(
      bars.map((b) => ({ ...b, time: b.time as UTCTimestamp }) satisfies CandlestickData<Time>),
    );
    handle.markers.setMarkers(
      markers.map((m): SeriesMarker<Time> =>
        m.kind === 'entry'
          ? {
              time: m.time as UTCTimestamp,
              position: 'atPriceBottom',
              price: m.price,
              shape: 'arrowUp',
              color: chartColours.accent,
            }
          : {
              time: m.time as UTCTimestamp,
              position: 'atPriceTop',
              price: m.price,
              shape: 'arrowDown',
              color: chartColours.exit,
            },
      ),
    );
    const drawn = lines
      .filter((l) => Number.isFinite(l.price))
      .map((l) =>
        series.createPriceLine({
          price: l.price,
          title: l.label,
          color: chartColours.lines[l.tone],
          lineWidth: 1,
          lineStyle: l.tone === 'neutral' ? lc.LineStyle.Dotted : lc.LineStyle.Dashed,
          axisLabelVisible: true,
        }),
      );
    if (first) chart.timeScale().fitContent();
    return () => {
      if (alive.current) for (const line of drawn) series.removePriceLine(line);
    };
  }, [handle, bars, markers, lines]);

  return (
    <div ref={container} style={{ height }} className="w-full overflow-hidden" aria-hidden="true" />
  );
}
