import { describe, expect, it } from 'vitest';
import { parseOhlcvCsv } from './csv-import';

const H = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);

describe('parseOhlcvCsv: reading', () => {
  it('reads a headed file with epoch ms times, in any column order, with extra columns', () => {
    const result = parseOhlcvCsv(
      [
        'symbol,close,open,high,low,volume,timestamp',
        `BTC,2,1,3,0.5,10,${T0}`,
        `BTC,2.5,2,3,1.5,0,${T0 + H}`,
      ].join('\n'),
    );
    expect(result.errors).toEqual([]);
    expect(result.timeframe).toBe('1h');
    expect(result.rows).toBe(2);
    expect(result.candles).toEqual([
      { time: T0, open: 1, high: 3, low: 0.5, close: 2, volume: 10 },
      { time: T0 + H, open: 2, high: 3, low: 1.5, close: 2.5, volume: 0 },
    ]);
  });

  it('reads epoch seconds, microseconds, ISO dates with or without zone, and headerless files', () => {
    const seconds = parseOhlcvCsv(`${T0 / 1000},1,2,0.5,1.5,7\n${T0 / 1000 + 60},1,2,0.5,1.5,8\n`);
    expect(seconds.errors).toEqual([]);
    expect(seconds.timeframe).toBe('1m');
    expect(seconds.candles.map((c) => c.time)).toEqual([T0, T0 + 60_000]);
    expect(seconds.candles[1]?.volume).toBe(8);

    const micros = parseOhlcvCsv(
      `time,open,high,low,close\n${T0 * 1000},1,2,0.5,1.5\n${(T0 + H) * 1000},1,2,0.5,1.5`,
    );
    expect(micros.candles.map((c) => c.time)).toEqual([T0, T0 + H]);

    const iso = parseOhlcvCsv(
      [
        'Date,Open,High,Low,Close,Volume',
        '2024-01-01,1,2,0.5,1.5,1',
        '2024-01-02 00:00:00,1,2,0.5,1.5,1',
        '2024-01-03T00:00:00Z,1,2,0.5,1.5,1',
        '2024-01-04T02:00:00+02:00,1,2,0.5,1.5,1',
        '2024-01-05T00:00:00.000+0000,1,2,0.5,1.5,1',
      ].join('\r\n'),
    );
    expect(iso.errors).toEqual([]);
    expect(iso.timeframe).toBe('1d');
    expect(iso.candles.map((c) => c.time)).toEqual([0, 1, 2, 3, 4].map((d) => T0 + d * 86_400_000));
  });

  it('skips a preamble line, detects ; and tab delimiters and takes the first volume column', () => {
    const cdd = parseOhlcvCsv(
      [
        'https://www.CryptoDataDownload.com',
        'unix,date,symbol,open,high,low,close,Volume BTC,Volume USDT',
        `${T0},2024-01-01 00:00:00,BTC/USDT,42283.58,42554.57,42261.02,42475.23,1271.68108,54000000`,
      ].join('\n'),
      { timeframe: '1h' },
    );
    expect(cdd.errors).toEqual([]);
    expect(cdd.candles).toEqual([
      {
        time: T0,
        open: 42283.58,
        high: 42554.57,
        low: 42261.02,
        close: 42475.23,
        volume: 1271.68108,
      },
    ]);

    const semicolon = parseOhlcvCsv(`time;open;high;low;close;volume\n${T0};1;2;0.5;1.5;3`, {
      timeframe: '1m',
    });
    expect(semicolon.candles).toHaveLength(1);
    const tab = parseOhlcvCsv(`time\topen\thigh\tlow\tclose\n${T0}\t1\t2\t0.5\t1.5`, {
      timeframe: '1m',
    });
    expect(tab.candles).toEqual([{ time: T0, open: 1, high: 2, low: 0.5, close: 1.5, volume: 0 }]);
  });
});

describe('parseOhlcvCsv: validation', () => {
  const header = 'time,open,high,low,close,volume';
  const row = (t: number, o = '1', h = '2', l = '0.5', c = '1.5', v = '1'): string =>
    `${t},${o},${h},${l},${c},${v}`;

  it('reports each bad field with its line number and leaves the row out', () => {
    const result = parseOhlcvCsv(
      [
        header,
        row(T0),
        row(T0 + H, 'abc'),
        row(T0 + 2 * H, '1', '2', '0.5', '1.5', '-3'),
        row(T0 + 3 * H, '1', '0.4', '0.5', '0.45'),
        row(T0 + 4 * H, '3'),
        'yesterday,1,2,0.5,1.5,1',
        row(T0 + 5 * H, '0'),
        `${T0 + 6 * H},1,2,0.5`,
        row(T0 + 7 * H, '"1,5"'),
      ].join('\n'),
      { timeframe: '1h' },
    );
    expect(result.errors).toEqual([
      { row: 3, field: 'open', reason: 'not a number', value: 'abc' },
      { row: 4, field: 'volume', reason: 'must not be negative', value: '-3' },
      { row: 5, field: 'high', reason: 'high 0.4 is below low 0.5' },
      { row: 6, field: 'open', reason: 'open 3 is outside low–high 0.5–2' },
      {
        row: 7,
        field: 'time',
        reason: 'not a readable time (epoch seconds/milliseconds or ISO date)',
        value: 'yesterday',
      },
      { row: 8, field: 'open', reason: 'must be positive', value: '0' },
      { row: 9, field: 'close', reason: 'missing' },
      { row: 10, field: 'open', reason: 'not a number', value: '1,5' },
    ]);
    expect(result.candles.map((c) => c.time)).toEqual([T0]);
    expect(result.rows).toBe(9);
  });

  it('rejects duplicate, misaligned and out-of-order times', () => {
    const result = parseOhlcvCsv(
      [
        header,
        row(T0),
        row(T0 + H),
        row(T0 + H),
        row(T0 + H + 60_000),
        row(T0 + 3 * H),
        row(T0 + 2 * H),
      ].join('\n'),
    );
    expect(result.timeframe).toBe('1h');
    expect(result.errors).toEqual([
      {
        row: 4,
        field: 'time',
        reason: 'duplicate time (same as row 3)',
        value: '2024-01-01T01:00:00.000Z',
      },
      {
        row: 5,
        field: 'time',
        reason: 'not aligned to 1h candle open times',
        value: '2024-01-01T01:01:00.000Z',
      },
      {
        row: 7,
        field: 'time',
        reason: 'out of order (earlier than row 6); rows must be in ascending time',
        value: '2024-01-01T02:00:00.000Z',
      },
    ]);
    expect(result.candles.map((c) => c.time)).toEqual([T0, T0 + H, T0 + 3 * H]);
  });

  it('checks alignment against the timeframe given', () => {
    const result = parseOhlcvCsv([header, row(T0), row(T0 + H)].join('\n'), { timeframe: '4h' });
    expect(result.errors).toEqual([
      {
        row: 3,
        field: 'time',
        reason: 'not aligned to 4h candle open times',
        value: '2024-01-01T01:00:00.000Z',
      },
    ]);
  });

  it('explains files it cannot read at all', () => {
    expect(parseOhlcvCsv('name,price\nbtc,1').errors).toEqual([
      {
        row: 0,
        reason:
          'no header with time, open, high, low, close columns and no time,open,high,low,close rows',
      },
    ]);
    const single = parseOhlcvCsv(`${header}\n${row(T0)}`);
    expect(single.candles).toHaveLength(1);
    expect(single.errors).toEqual([
      { row: 0, reason: 'cannot tell the timeframe from the row spacing; pass it explicitly' },
    ]);
    expect(parseOhlcvCsv('')).toMatchObject({ candles: [], rows: 0 });
  });

  it('caps the error list', () => {
    const lines = [header, ...Array.from({ length: 30 }, (_, i) => row(T0 + i * H, 'x'))];
    const result = parseOhlcvCsv(lines.join('\n'), { timeframe: '1h', maxErrors: 10 });
    expect(result.errors).toHaveLength(10);
    expect(result.truncated).toBe(true);
    expect(result.candles).toEqual([]);
  });
});
