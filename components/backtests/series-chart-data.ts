import { formatMoney, formatPercent } from '@/lib/format';

export interface ChartSeries {
  name: string;
  /** Stroke colour (CSS). */
  color: string;
  time: readonly number[];
  values: readonly number[];
}

/** A chart row: its time and one column per series (`s0`, `s1`…). */
export type SeriesRow = Record<string, number>;

export const formatValue = (unit: 'money' | 'percent', v: number) =>
  unit === 'money' ? formatMoney(v) : formatPercent(v, Math.abs(v) < 10 ? 2 : 1);

/** Rows keyed by time, one column per series (`s0`, `s1`…); a series without a point there is left empty. */
export function mergeSeries(series: readonly ChartSeries[]) {
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
