/** Number formatting for rule messages: plain notation, at most 8 decimals, no grouping. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return value.toLocaleString('en-US', { maximumFractionDigits: 8, useGrouping: false });
}

/** A percentage with at most 2 decimals, e.g. `12.5%`. */
export function formatPct(value: number): string {
  if (!Number.isFinite(value)) return `${String(value)}%`;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: 2, useGrouping: false })}%`;
}

/** A duration for messages: `45 s`, `4 min 30 s`, `2 h 5 min`. Negative durations read as 0 s. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  if (minutes > 0) return seconds > 0 ? `${minutes} min ${seconds} s` : `${minutes} min`;
  return `${seconds} s`;
}

/** Percentages reported as `observed` are rounded to 4 decimals to keep stored results tidy. */
export function roundPct(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
