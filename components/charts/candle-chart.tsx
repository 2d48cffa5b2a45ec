import type { Candle } from '@/lib/core/types';
import { formatPrice } from '@/lib/format';

export interface TradeMarker {
  time: number;
  price: number;
  kind: 'entry' | 'exit';
}

export interface PriceLine {
  price: number;
  label: string;
  tone: 'profit' | 'loss' | 'neutral';
}

const lineColours = { profit: '#22c55e', loss: '#ef4444', neutral: '#94a3b8' } as const;

/**
 * Candlesticks in inline SVG, with entry (▲) and exit (▼) markers and horizontal price lines
 * (live take-profit / stop-loss). Server-rendered; the page refreshes it on live events.
 */
export function CandleChart({
  candles,
  markers = [],
  lines = [],
  height = 340,
  label,
}: {
  candles: readonly Candle[];
  markers?: readonly TradeMarker[];
  lines?: readonly PriceLine[];
  height?: number;
  label: string;
}) {
  const width = 900;
  const pad = { top: 10, right: 70, bottom: 20, left: 6 };
  if (candles.length === 0) {
    return (
      <div
        style={{ height }}
        className="flex items-center justify-center rounded-md border border-dashed border-surface-border text-sm text-slate-400"
      >
        No candles available for this market yet.
      </div>
    );
  }
  const lows = candles.map((c) => c.low);
  const highs = candles.map((c) => c.high);
  const extra = lines.map((l) => l.price).filter((p) => Number.isFinite(p));
  let min = Math.min(...lows, ...extra);
  let max = Math.max(...highs, ...extra);
  const margin = (max - min || max * 0.01 || 1) * 0.05;
  min -= margin;
  max += margin;
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const slot = plotW / candles.length;
  const body = Math.max(1, slot * 0.65);
  const t0 = candles[0]!.time;
  const step =
    candles.length > 1 ? (candles[candles.length - 1]!.time - t0) / (candles.length - 1) : 60_000;
  const xOfTime = (t: number) => pad.left + ((t - t0) / (step || 1)) * slot + slot / 2;
  const y = (p: number) => pad.top + (1 - (p - min) / (max - min)) * plotH;
  const ticks = Array.from({ length: 5 }, (_, i) => min + ((max - min) * i) / 4);
  const last = candles[candles.length - 1]!;
  const visible = markers.filter((m) => m.time >= t0 - step && m.time <= last.time + step);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      className="h-auto w-full"
      data-testid="candle-chart"
    >
      {ticks.map((p) => (
        <g key={p}>
          <line
            x1={pad.left}
            x2={width - pad.right}
            y1={y(p)}
            y2={y(p)}
            stroke="#243040"
            strokeDasharray="2 4"
          />
          <text x={width - pad.right + 4} y={y(p) + 4} className="fill-slate-500 text-[10px]">
            {formatPrice(p)}
          </text>
        </g>
      ))}
      {candles.map((c, i) => {
        const x = pad.left + i * slot + slot / 2;
        const up = c.close >= c.open;
        const colour = up ? '#22c55e' : '#ef4444';
        const top = y(Math.max(c.open, c.close));
        const h = Math.max(1, Math.abs(y(c.open) - y(c.close)));
        return (
          <g key={c.time}>
            <line x1={x} x2={x} y1={y(c.high)} y2={y(c.low)} stroke={colour} strokeWidth="1" />
            <rect
              x={x - body / 2}
              y={top}
              width={body}
              height={h}
              fill={colour}
              fillOpacity={up ? 0.85 : 1}
            />
          </g>
        );
      })}
      {lines.map((l) => (
        <g
          key={`${l.label}-${l.price}`}
          data-testid={`line-${l.label.toLowerCase().replace(/\W+/g, '-')}`}
        >
          <line
            x1={pad.left}
            x2={width - pad.right}
            y1={y(l.price)}
            y2={y(l.price)}
            stroke={lineColours[l.tone]}
            strokeWidth="1.2"
            strokeDasharray="6 4"
          />
          <rect
            x={width - pad.right}
            y={y(l.price) - 8}
            width={pad.right}
            height={16}
            fill={lineColours[l.tone]}
            rx="2"
          />
          <text
            x={width - pad.right + 3}
            y={y(l.price) + 4}
            className="fill-white text-[10px] font-semibold"
          >
            {l.label} {formatPrice(l.price)}
          </text>
        </g>
      ))}
      {visible.map((m, i) => {
        const x = xOfTime(m.time);
        const py = y(m.price);
        const entry = m.kind === 'entry';
        const path = entry ? `M${x},${py + 4} l-5,9 l10,0 Z` : `M${x},${py - 4} l-5,-9 l10,0 Z`;
        return (
          <path
            key={`${m.kind}-${m.time}-${i}`}
            d={path}
            fill={entry ? '#3b82f6' : '#f59e0b'}
            stroke="#0f1419"
            strokeWidth="1"
          />
        );
      })}
      <line
        x1={pad.left}
        x2={width - pad.right}
        y1={y(last.close)}
        y2={y(last.close)}
        stroke="#3b82f6"
        strokeOpacity="0.6"
        strokeWidth="1"
      />
      <text x={pad.left + 2} y={height - 5} className="fill-slate-500 text-[10px]">
        {new Date(t0).toISOString().slice(11, 16)} UTC
      </text>
      <text
        x={width - pad.right}
        y={height - 5}
        textAnchor="end"
        className="fill-slate-500 text-[10px]"
      >
        {new Date(last.time).toISOString().slice(11, 16)} UTC
      </text>
    </svg>
  );
}
