/** One line as the admin console shows it (from the initial page load or a live event). */
export interface ConsoleLine {
  key: string;
  time: string;
  level: 'debug' | 'info' | 'warn' | 'error';
  source: string;
  message: string;
}

export interface ConsoleFilter {
  levels: ReadonlySet<ConsoleLine['level']>;
  source: string;
  search: string;
}

export const LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** Whether a line passes the console's level, source and text filters (case-insensitive search). */
export function matchesFilter(line: ConsoleLine, filter: ConsoleFilter): boolean {
  if (!filter.levels.has(line.level)) return false;
  if (filter.source && line.source !== filter.source) return false;
  const needle = filter.search.trim().toLowerCase();
  return (
    !needle ||
    line.message.toLowerCase().includes(needle) ||
    line.source.toLowerCase().includes(needle)
  );
}

/** The lines as plain text, one per line, for the export button. */
export function linesToText(lines: readonly ConsoleLine[]): string {
  return (
    lines
      .map((l) => `${l.time} ${l.level.toUpperCase().padEnd(5)} [${l.source}] ${l.message}`)
      .join('\n') + '\n'
  );
}
