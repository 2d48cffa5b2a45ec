import { formatDateTime, formatMoney } from '@/lib/format';

export interface ChartSeries {
  name: string;
  /** Stroke colour (CSS). */
  color: string;
  time: readonly number[];
  values: readonly number[];
}

const fmt = (unit: 'money' | 'percent', v: number) =>
  unit === 'money' ? formatMoney(v) : `${v.toFixed(Math.abs(v) < 10 ? 2 : 1)} %`;

/**
 * An inline SVG chart of one or more time series on shared axes (equity, drawdown, comparison),
 * with gridlines labelled at the top, middle and bottom and the first and last time. With
 * `fill`, the single series is shaded down to the baseline (drawdown) or the bottom (equity).
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
  const width = 900;
  const pad = { top: 10, right: 10, bottom: 24, left: 78 };
  const all = series.flatMap((s) => s.values);
  const times = series.flatMap((s) => s.time);
  if (all.length < 2) {
    return (
      <div
        style={{ height }}
        className="flex items-center justify-center rounded-md border border-dashed border-surface-border text-sm text-slate-400"
      >
        No data to chart.
      </div>
    );
  }
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min || Math.max(1, Math.abs(max) * 0.01);
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const x = (t: number) => pad.left + ((t - t0) / (t1 - t0 || 1)) * (width - pad.left - pad.right);
  const y = (v: number) => pad.top + (1 - (v - min) / span) * (height - pad.top - pad.bottom);
  const ticks = [max, (max + min) / 2, min];
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="h-auto w-full">
      {ticks.map((v, i) => (
        <g key={i}>
          <line
            x1={pad.left}
            x2={width - pad.right}
            y1={y(v)}
            y2={y(v)}
            stroke="#334155"
            strokeDasharray="3 4"
            strokeWidth="1"
          />
          <text
            x={pad.left - 6}
            y={y(v) + 4}
            textAnchor="end"
            className="fill-slate-400 text-[11px]"
          >
            {fmt(unit, v)}
          </text>
        </g>
      ))}
      {series.map((s, index) => {
        const line = s.values
          .map((v, i) => `${i ? 'L' : 'M'}${x(s.time[i]!).toFixed(1)},${y(v).toFixed(1)}`)
          .join(' ');
        const base = y(Math.min(Math.max(0, min), max));
        const first = x(s.time[0]!).toFixed(1);
        const last = x(s.time[s.time.length - 1]!).toFixed(1);
        return (
          <g key={index}>
            {fill && series.length === 1 && (
              <path
                d={`${line} L${last},${base.toFixed(1)} L${first},${base.toFixed(1)} Z`}
                fill={s.color}
                fillOpacity="0.15"
              />
            )}
            <path d={line} fill="none" stroke={s.color} strokeWidth="1.6" strokeLinejoin="round" />
          </g>
        );
      })}
      <text x={pad.left} y={height - 6} className="fill-slate-500 text-[11px]">
        {formatDateTime(t0)}
      </text>
      <text
        x={width - pad.right}
        y={height - 6}
        textAnchor="end"
        className="fill-slate-500 text-[11px]"
      >
        {formatDateTime(t1)}
      </text>
    </svg>
  );
}
