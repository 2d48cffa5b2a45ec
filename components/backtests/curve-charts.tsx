'use client';

import { SeriesChart } from './series-chart';

/** A stored curve: times and values, as a run's `curves.equity` / `curves.drawdownPct`. */
interface Curve {
  time: readonly number[];
  values: readonly number[];
}

/** An equity curve, shaded, in money. */
export function EquityChart({ curve, name, label }: { curve: Curve; name: string; label: string }) {
  return (
    <SeriesChart
      series={[{ name, color: '#3b82f6', time: curve.time, values: curve.values }]}
      label={label}
      unit="money"
      fill
    />
  );
}

/** A drawdown curve in percent, shaded up to zero. */
export function DrawdownChart({
  curve,
  label,
  height,
}: {
  curve: Curve;
  label: string;
  height: number;
}) {
  return (
    <SeriesChart
      series={[{ name: 'Drawdown', color: '#ef4444', time: curve.time, values: curve.values }]}
      label={label}
      unit="percent"
      height={height}
      fill
    />
  );
}
