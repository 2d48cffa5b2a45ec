import { DASH } from './num';

type TimeValue = Date | string | number | null | undefined;

function toDate(value: TimeValue): Date | null {
  if (value === null || value === undefined) return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** `2026-11-21 20:14:03 UTC`: unambiguous and identical on server and client. */
export function formatDateTime(value: TimeValue): string {
  const d = toDate(value);
  if (!d) return DASH;
  return `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** `20:14:03` (UTC). */
export function formatTime(value: TimeValue): string {
  const d = toDate(value);
  return d ? d.toISOString().slice(11, 19) : DASH;
}

/** `1h 05m`, `4m 10s`, `12s` from milliseconds. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return DASH;
  const total = Math.max(0, Math.round(ms / 1000));
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(s).padStart(2, '0')}s`;
  return `${s}s`;
}

/** `3m ago` / `in 20s`, relative to `now` (passed in so renders are deterministic). */
export function formatRelative(value: TimeValue, now: number): string {
  const d = toDate(value);
  if (!d) return DASH;
  const diff = d.getTime() - now;
  const text = formatDuration(Math.abs(diff));
  return diff >= 0 ? `in ${text}` : `${text} ago`;
}
