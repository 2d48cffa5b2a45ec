'use client';

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
import { formatDateTime } from '@/lib/format';
import { formatValue, type ChartSeries, type SeriesRow } from './series-chart-data';

/** The app's palette (tailwind.config.ts): Recharts draws SVG attributes, not CSS classes. */
const theme = {
  grid: '#243040',
  axis: '#334155',
  tick: '#94a3b8',
  tooltipBg: '#161c24',
  tooltipBorder: '#243040',
  text: '#e2e8f0',
} as const;

/**
 * The Recharts drawing of `SeriesChart` (its own chunk: loaded in the browser once a chart is on
 * the page, so Recharts is not in any route's first load).
 */
export default function SeriesChartPlot({
  data,
  series,
  unit,
  height,
  fill,
  gradientId,
  formatTick,
}: {
  data: SeriesRow[];
  series: readonly ChartSeries[];
  unit: 'money' | 'percent';
  height: number;
  fill: boolean;
  gradientId: string;
  formatTick: (t: number) => string;
}) {
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
  );
}
