'use client';

import { useId } from 'react';
import {
  Area,
  AreaChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDateTime, formatMoney, formatPercent, formatTime } from '@/lib/format';

export interface ChartSeries {
  name: string;
  /** Stroke colour (CSS). */
  color: string;
  time: readonly number[];
  values: readonly number[];
}

/** The app's palette (tailwind.config.ts): Recharts draws SVG attributes, not CSS classes. */
const theme = {
  grid: '#243040',
  axis: '#334155',
  tick: '#94a3b8',
  tooltipBg: '#161c24',
  tooltipBorder: '#243040',
  text: '#e2e8f0',
} as const;

const DAY_MS = 86_400_000;

const formatValue = (unit: 'money' | 'percent', v: number) =>
  unit === 'money' ? formatMoney(v) : formatPercent(v, Math.abs(v) < 10 ? 2 : 1);

/** Rows keyed by time, one column per series (`s0`, `s1`…); a series without a point there is left empty. */
function mergeSeries(series: readonly ChartSeries[]) {
  const rows = new Map<number, Record<string, number>>();
  series.forEach((s, index) => {
    s.values.forEach((value, i) => {
      const time = s.time[i];
      if (time === undefined || !Number.isFinite(value)) return;
      const row = rows.get(time) ?? { time };
      row[`s${index}`] = value;
      rows.set(time, row);
    });
  });
  return [...rows.values()].sort((a, b) => a.time! - b.time!);
}

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

  const common = {
    data,
    margin: { top: 8, right: 12, bottom: 0, left: 4 },
    accessibilityLayer: false,
  };
  const axes = (
    <>
      <CartesianGrid stroke={theme.grid} strokeDasharray="3 4" vertical={false} />
      <XAxis
        dataKey="time"
        type="number"
        domain={['dataMin', 'dataMax']}
        tickFormatter={formatTick}
        tick={{ fill: theme.tick, fontSize: 11 }}
        stroke={theme.axis}
        minTickGap={40}
      />
      <YAxis
        domain={['auto', 'auto']}
        tickFormatter={(v: number) => formatValue(unit, v)}
        tick={{ fill: theme.tick, fontSize: 11 }}
        stroke={theme.axis}
        width={unit === 'money' ? 84 : 56}
      />
      <Tooltip
        isAnimationActive={false}
        labelFormatter={(t) => formatDateTime(Number(t))}
        formatter={(v) => formatValue(unit, Number(v))}
        contentStyle={{
          backgroundColor: theme.tooltipBg,
          border: `1px solid ${theme.tooltipBorder}`,
          borderRadius: 6,
          fontSize: 12,
        }}
        labelStyle={{ color: theme.tick }}
        itemStyle={{ color: theme.text }}
        cursor={{ stroke: theme.axis }}
      />
    </>
  );

  const single = fill && series.length === 1 ? series[0]! : null;
  return (
    <figure className="m-0">
      <div role="img" aria-label={label} aria-describedby={captionId} style={{ height }}>
        <ResponsiveContainer width="100%" height={height}>
          {single ? (
            <AreaChart {...common}>
              <defs>
                <linearGradient id={gradientId} x1="0" x2="0" y1="0" y2="1">
                  <stop offset="0%" stopColor={single.color} stopOpacity={0.3} />
                  <stop offset="100%" stopColor={single.color} stopOpacity={0.05} />
                </linearGradient>
              </defs>
              {axes}
              <Area
                type="linear"
                dataKey="s0"
                name={single.name}
                stroke={single.color}
                strokeWidth={1.6}
                fill={`url(#${gradientId})`}
                dot={false}
                activeDot={{ r: 3 }}
                isAnimationActive={false}
              />
            </AreaChart>
          ) : (
            <LineChart {...common}>
              {axes}
              {series.map((s, i) => (
                <Line
                  key={i}
                  type="linear"
                  dataKey={`s${i}`}
                  name={s.name}
                  stroke={s.color}
                  strokeWidth={1.6}
                  dot={false}
                  activeDot={{ r: 3 }}
                  connectNulls
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          )}
        </ResponsiveContainer>
      </div>
      <figcaption id={captionId} className="sr-only">
        {summary}
      </figcaption>
    </figure>
  );
}
