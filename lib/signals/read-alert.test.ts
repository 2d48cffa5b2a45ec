import { describe, expect, it } from 'vitest';
import { readAlert } from './read-alert';

const now = new Date('2024-01-01T12:00:00Z');
const rules = { now, maxAgeMs: 86_400_000, maxSkewMs: 300_000 };

describe('readAlert', () => {
  it('reads every spelling of every field into one alert', () => {
    const read = readAlert(
      {
        Ticker: 'BINANCE:BTCUSDT',
        side: 'LONG',
        qty: '0.5',
        'order-type': 'limit',
        price: 30000,
        sl: '2%',
        tp: 33000,
        strategy: 'x',
        interval: 60,
        confidence: '80',
        alertId: 7,
        time: 1704110400,
      },
      rules,
    );
    expect(read).toEqual({
      ok: true,
      alert: {
        symbol: 'BINANCE:BTCUSDT',
        action: 'buy',
        orderType: 'limit',
        quantity: '0.5',
        price: '30000',
        stopLoss: { kind: 'pct', value: 2 },
        takeProfit: { kind: 'price', value: '33000' },
        strategy: 'x',
        timeframe: '60',
        confidence: 80,
        alertId: '7',
        time: new Date('2024-01-01T12:00:00Z'),
      },
    });
  });

  it('maps the TradingView actions', () => {
    const action = (a: string) => {
      const r = readAlert({ symbol: 'BTCUSDT', action: a }, rules);
      return r.ok ? r.alert.action : r.status;
    };
    expect(
      ['buy', 'long', 'sell', 'short', 'close', 'exit', 'flat', 'Exit Long', 'hodl'].map(action),
    ).toEqual(['buy', 'buy', 'sell', 'sell', 'close', 'close', 'close', 'close', 400]);
  });

  it('lists type errors as 400 and impossible values as 422', () => {
    expect(readAlert({ symbol: 1, action: [], contracts: 'x' }, rules)).toMatchObject({
      ok: false,
      status: 400,
      fields: {
        symbol: ['must be text'],
        action: ['must be text'],
        quantity: ['must be a number'],
      },
    });
    expect(
      readAlert({ symbol: 'BTCUSDT', action: 'buy', contracts: '1e308', price: 0 }, rules),
    ).toMatchObject({
      ok: false,
      status: 422,
      fields: { quantity: ['is too large'], price: ['must be greater than zero'] },
    });
    expect(
      readAlert({ symbol: 'BTCUSDT', action: 'buy', time: '2023-12-30T00:00:00Z' }, rules),
    ).toMatchObject({ ok: false, status: 422, fields: { time: [expect.stringContaining('old')] } });
    expect(readAlert({ symbol: 'BTCUSDT', action: 'buy', contracts: 'NaN' }, rules)).toMatchObject({
      status: 422,
    });
  });

  it('treats null as absent and refuses unfilled placeholders', () => {
    expect(readAlert({ symbol: 'BTCUSDT', action: 'buy', contracts: null }, rules)).toMatchObject({
      ok: true,
      alert: { symbol: 'BTCUSDT' },
    });
    expect(readAlert({ symbol: '{{ticker}}', action: 'buy' }, rules)).toMatchObject({
      status: 400,
      fields: { symbol: [expect.stringContaining('placeholder')] },
    });
  });
});
