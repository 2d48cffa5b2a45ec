'use client';

import { useMemo, useRef, useState } from 'react';
import { useRealtimeEvent } from '@/components/realtime/use-realtime-event';
import { RealtimeStatusIndicator } from '@/components/realtime/realtime-status-indicator';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { formatTime } from '@/lib/format';
import { LEVELS, linesToText, matchesFilter, type ConsoleLine } from './log-filter';

const MAX_LINES = 1000;

const levelClass: Record<ConsoleLine['level'], string> = {
  debug: 'text-slate-500',
  info: 'text-sky-300',
  warn: 'text-amber-300',
  error: 'text-red-400',
};

/**
 * The system log, live: the newest lines from the page load, then every `log:line` event for
 * the admin room. Filters apply to what is on screen; pause buffers new lines until resumed;
 * clear empties the view (not the log); export downloads the visible lines.
 */
export function LiveConsole({ initial, sources }: { initial: ConsoleLine[]; sources: string[] }) {
  const [lines, setLines] = useState<ConsoleLine[]>(initial);
  const [buffered, setBuffered] = useState<ConsoleLine[]>([]);
  const [paused, setPaused] = useState(false);
  const [levels, setLevels] = useState<Set<ConsoleLine['level']>>(
    new Set(['info', 'warn', 'error']),
  );
  const [source, setSource] = useState('');
  const [search, setSearch] = useState('');
  const [knownSources, setKnownSources] = useState(sources);
  const counter = useRef(0);

  useRealtimeEvent('log:line', (event) => {
    const line: ConsoleLine = { ...event, key: `live-${counter.current++}` };
    setKnownSources((s) => (s.includes(line.source) ? s : [...s, line.source].sort()));
    if (paused) setBuffered((b) => [...b, line].slice(-MAX_LINES));
    else setLines((l) => [...l, line].slice(-MAX_LINES));
  });

  const visible = useMemo(
    () => lines.filter((l) => matchesFilter(l, { levels, source, search })),
    [lines, levels, source, search],
  );

  const resume = () => {
    setLines((l) => [...l, ...buffered].slice(-MAX_LINES));
    setBuffered([]);
    setPaused(false);
  };
  const toggleLevel = (level: ConsoleLine['level']) =>
    setLevels((current) => {
      const next = new Set(current);
      if (next.has(level)) next.delete(level);
      else next.add(level);
      return next;
    });
  const exportLines = () => {
    const url = URL.createObjectURL(new Blob([linesToText(visible)], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `osprey-log-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.log`;
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <fieldset className="flex items-center gap-3">
          <legend className="sr-only">Levels</legend>
          {LEVELS.map((level) => (
            <label key={level} className="flex items-center gap-1.5 text-sm text-slate-300">
              <input
                type="checkbox"
                checked={levels.has(level)}
                onChange={() => toggleLevel(level)}
                className="accent-accent"
              />
              {level}
            </label>
          ))}
        </fieldset>
        <div>
          <label htmlFor="console-source" className="block text-xs text-slate-400">
            Source
          </label>
          <select
            id="console-source"
            value={source}
            onChange={(e) => setSource(e.target.value)}
            className="rounded-md border border-surface-border bg-surface px-2 py-1.5 text-sm text-slate-100"
          >
            <option value="">All sources</option>
            {knownSources.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-48 flex-1">
          <label htmlFor="console-search" className="block text-xs text-slate-400">
            Search
          </label>
          <input
            id="console-search"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Filter by text…"
            className="w-full rounded-md border border-surface-border bg-surface px-2 py-1.5 text-sm text-slate-100 placeholder:text-slate-500"
          />
        </div>
        <div className="flex gap-2">
          <Button
            type="button"
            variant="secondary"
            onClick={paused ? resume : () => setPaused(true)}
          >
            {paused ? `Resume${buffered.length ? ` (${buffered.length} new)` : ''}` : 'Pause'}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setLines([])}>
            Clear view
          </Button>
          <Button
            type="button"
            variant="secondary"
            onClick={exportLines}
            disabled={visible.length === 0}
          >
            Export
          </Button>
        </div>
      </div>
      <div className="flex items-center justify-between text-xs text-slate-500">
        <RealtimeStatusIndicator />
        <span>
          {visible.length} of {lines.length} lines{paused ? ' · paused' : ''}
        </span>
      </div>
      <div
        role="log"
        aria-label="System log"
        aria-live={paused ? 'off' : 'polite'}
        className="h-96 overflow-y-auto rounded-md border border-surface-border bg-black/40 p-2 font-mono text-xs leading-5"
      >
        {visible.length === 0 ? (
          <EmptyState title="No log lines to show">
            Lines appear here as the web app and workers write them. Widen the filters or wait for
            activity.
          </EmptyState>
        ) : (
          [...visible].reverse().map((l) => (
            <div
              key={l.key}
              data-testid="log-line"
              className="flex gap-2 whitespace-pre-wrap break-all hover:bg-white/5"
            >
              <span className="shrink-0 text-slate-500">{formatTime(l.time)}</span>
              <span className={`w-12 shrink-0 uppercase ${levelClass[l.level]}`}>{l.level}</span>
              <span className="shrink-0 text-violet-300">[{l.source}]</span>
              <span className="text-slate-200">{l.message}</span>
            </div>
          ))
        )}
      </div>
    </div>
  );
}
