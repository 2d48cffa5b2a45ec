import { describe, expect, it } from 'vitest';
import { linesToText, matchesFilter, type ConsoleLine } from './log-filter';

const line = (over: Partial<ConsoleLine> = {}): ConsoleLine => ({
  key: '1',
  time: '2026-11-21T20:00:00.000Z',
  level: 'info',
  source: 'worker',
  message: 'Bot cycle finished',
  ...over,
});
const all = new Set(['debug', 'info', 'warn', 'error'] as const);

describe('matchesFilter', () => {
  it('filters by level, source and text', () => {
    expect(matchesFilter(line(), { levels: all, source: '', search: '' })).toBe(true);
    expect(
      matchesFilter(line(), { levels: new Set(['error'] as const), source: '', search: '' }),
    ).toBe(false);
    expect(matchesFilter(line(), { levels: all, source: 'admin', search: '' })).toBe(false);
    expect(matchesFilter(line(), { levels: all, source: 'worker', search: 'CYCLE' })).toBe(true);
    expect(matchesFilter(line(), { levels: all, source: '', search: 'order' })).toBe(false);
  });
});

describe('linesToText', () => {
  it('writes one padded line per entry', () => {
    expect(linesToText([line(), line({ level: 'error', message: 'boom' })])).toBe(
      '2026-11-21T20:00:00.000Z INFO  [worker] Bot cycle finished\n2026-11-21T20:00:00.000Z ERROR [worker] boom\n',
    );
  });
});
