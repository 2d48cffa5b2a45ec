'use client';

import dynamic from 'next/dynamic';
import { useId } from 'react';
import { formatDateTime, formatTime } from '@/lib/format';
import { formatValue, mergeSeries, type ChartSeries } from './series-chart-data';

export type { ChartSeries } from './series-chart-data';

const SeriesChartPlot = dynamic(() => import('./series-chart-plot'), { ssr: false });

const DAY_MS = 86_400_000;

/**
 * One or more time series on shared axes (equity, drawdown, comparison) drawn with Recharts, with
 * a time axis, value gridlines and a tooltip in the app's money/percent formats. With `fill`, a
 * single series is shaded down to the bottom (equity) or up to zero (drawdown). A client
 * component: server pages pass plain arrays. The height is fixed so a hidden container never
 * measures 0.
 */
export function SeriesChart({
  series,
  label,
  unit,
  height = 220,
  fill = false,
}: {
  series: readonly ChartSeries[];
  label: string;
  unit: 'money' | 'percent';
  height?: number;
  fill?: boolean;
}) {
  const gradientId = `series-fill-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const captionId = `${gradientId}-caption`;
  const data = mergeSeries(series);
  if (data.length < 2) {
    return (
      <div
        style={{ height }}
        className="flex items-center justify-center rounded-md border border-dashed border-surface-border text-sm text-slate-400"
      >
        No data to chart.
      </div>
    );
  }
  const t0 = data[0]!.time!;
  const t1 = data[data.length - 1]!.time!;
  const formatTick = (t: number) =>
    t1 - t0 >= 2 * DAY_MS ? formatDateTime(t).slice(0, 10) : formatTime(t).slice(0, 5);
  const values = data.flatMap((row) =>
    series.map((_, i) => row[`s${i}`]).filter((v) => v !== undefined),
  );
  const summary = `${label}: ${series.map((s) => s.name).join(', ')} from ${formatDateTime(t0)} to ${formatDateTime(t1)}, between ${formatValue(unit, Math.min(...values))} and ${formatValue(unit, Math.max(...values))}.`;

  return (
    <figure className="m-0">
      <div role="img" aria-label={label} aria-describedby={captionId} style={{ height }}>
        <SeriesChartPlot
          data={data}
          series={series}
          unit={unit}
          height={height}
          fill={fill}
          gradientId={gradientId}
          formatTick={formatTick}
        />
      </div>
      <figcaption id={captionId} className="sr-only">
        {summary}
      </figcaption>
    </figure>
  );
}
