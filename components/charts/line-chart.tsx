import { formatDateTime, formatMoney } from '@/lib/format';

/**
 * A small SVG line chart (equity curve): area under the line, min/max labels, first and last
 * time. Scales to its container's width; no client JS.
 */
export function LineChart({
  points,
  height = 200,
  label,
}: {
  points: readonly { time: number; value: number }[];
  height?: number;
  label: string;
}) {
  const width = 800;
  const pad = { top: 12, right: 8, bottom: 22, left: 8 };
  if (points.length < 2) {
    return (
      <div
        style={{ height }}
        className="flex items-center justify-center rounded-md border border-dashed border-surface-border text-sm text-slate-400"
      >
        Not enough history yet: the worker records equity every few minutes.
      </div>
    );
  }
  const values = points.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || Math.max(1, Math.abs(max) * 0.01);
  const t0 = points[0]!.time;
  const t1 = points[points.length - 1]!.time;
  const x = (t: number) => pad.left + ((t - t0) / (t1 - t0 || 1)) * (width - pad.left - pad.right);
  const y = (v: number) => pad.top + (1 - (v - min) / span) * (height - pad.top - pad.bottom);
  const line = points
    .map((p, i) => `${i ? 'L' : 'M'}${x(p.time).toFixed(1)},${y(p.value).toFixed(1)}`)
    .join(' ');
  const area = `${line} L${x(t1).toFixed(1)},${height - pad.bottom} L${x(t0).toFixed(1)},${height - pad.bottom} Z`;
  const up = values[values.length - 1]! >= values[0]!;
  const stroke = up ? '#22c55e' : '#ef4444';
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      className="h-auto w-full"
      style={{ maxHeight: height }}
    >
      <defs>
        <linearGradient id="eq-fill" x1="0" x2="0" y1="0" y2="1">
          <stop offset="0%" stopColor={stroke} stopOpacity="0.25" />
          <stop offset="100%" stopColor={stroke} stopOpacity="0" />
        </linearGradient>
      </defs>
      <path d={area} fill="url(#eq-fill)" />
      <path d={line} fill="none" stroke={stroke} strokeWidth="2" />
      <text
        x={width - pad.right}
        y={pad.top + 4}
        textAnchor="end"
        className="fill-slate-400 text-[11px]"
      >
        {formatMoney(max)}
      </text>
      <text
        x={width - pad.right}
        y={height - pad.bottom - 4}
        textAnchor="end"
        className="fill-slate-400 text-[11px]"
      >
        {formatMoney(min)}
      </text>
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
