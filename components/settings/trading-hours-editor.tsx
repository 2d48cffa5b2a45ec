'use client';

import type { TradingWindow } from '@/lib/core/risk';
import { Button } from '@/components/ui/button';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n: number) => String(n).padStart(2, '0');
const toClock = (h: number, m: number) => `${pad(h)}:${pad(m)}`;
const fromClock = (text: string) => {
  const [h = '0', m = '0'] = text.split(':');
  return { h: Number(h), m: Number(m) };
};

/** Trading windows (UTC, start inclusive, end exclusive) and the days trading is allowed. */
export function TradingHoursEditor({
  windows,
  days,
  onChange,
}: {
  windows: readonly TradingWindow[];
  days: readonly number[];
  onChange: (next: { windows: TradingWindow[]; days: number[] }) => void;
}) {
  const setWindow = (index: number, patch: Partial<TradingWindow>) =>
    onChange({
      windows: windows.map((w, i) => (i === index ? { ...w, ...patch } : w)),
      days: [...days],
    });
  return (
    <div className="space-y-3">
      <fieldset>
        <legend className="mb-1 text-sm text-slate-300">Days (UTC)</legend>
        <div className="flex flex-wrap gap-3">
          {DAYS.map((label, day) => (
            <label key={label} className="flex items-center gap-1.5 text-sm text-slate-300">
              <input
                type="checkbox"
                checked={days.includes(day)}
                onChange={(e) =>
                  onChange({
                    windows: [...windows],
                    days: e.target.checked ? [...days, day].sort() : days.filter((d) => d !== day),
                  })
                }
                className="accent-accent"
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm text-slate-300">Windows (UTC); none means all day</legend>
        {windows.map((w, i) => (
          <div key={i} className="flex flex-wrap items-center gap-2 text-sm">
            <label className="sr-only" htmlFor={`win-${i}-start`}>
              Window {i + 1} start
            </label>
            <input
              id={`win-${i}-start`}
              type="time"
              value={toClock(w.startHour, w.startMinute)}
              onChange={(e) => {
                const c = fromClock(e.target.value);
                setWindow(i, { startHour: c.h, startMinute: c.m });
              }}
              className="rounded-md border border-surface-border bg-surface px-2 py-1"
            />
            <span className="text-slate-500">to</span>
            <label className="sr-only" htmlFor={`win-${i}-end`}>
              Window {i + 1} end
            </label>
            <input
              id={`win-${i}-end`}
              type="time"
              value={toClock(w.endHour, w.endMinute)}
              onChange={(e) => {
                const c = fromClock(e.target.value);
                setWindow(i, { endHour: c.h, endMinute: c.m });
              }}
              className="rounded-md border border-surface-border bg-surface px-2 py-1"
            />
            <Button
              type="button"
              variant="secondary"
              className="px-2 py-1 text-xs"
              onClick={() =>
                onChange({ windows: windows.filter((_, j) => j !== i), days: [...days] })
              }
            >
              Remove
            </Button>
          </div>
        ))}
        <Button
          type="button"
          variant="secondary"
          className="px-2.5 py-1 text-xs"
          onClick={() =>
            onChange({
              windows: [...windows, { startHour: 8, startMinute: 0, endHour: 20, endMinute: 0 }],
              days: [...days],
            })
          }
        >
          Add window
        </Button>
      </fieldset>
    </div>
  );
}
