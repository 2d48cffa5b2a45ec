import { describe, expect, it } from 'vitest';
import { SimulatedFeed } from './simulated-feed';
import { SimulatedMarket } from './simulated-market';
import { DEFAULT_SIMULATED_SYMBOLS } from './simulated-markets';

const NOW = Date.UTC(2025, 0, 15, 12, 34, 56, 789);
const M = 60_000;

describe('SimulatedFeed', () => {
  const feed = new SimulatedFeed({ venue: 'paper', seed: 'feed' });

  it('always says simulated', () => {
    expect(feed.source()).toBe('simulated');
    expect(feed.venue).toBe('paper');
  });

  it('lists the default markets with Binance-like filters', async () => {
    const markets = await feed.markets();
    expect([...markets.keys()]).toEqual(DEFAULT_SIMULATED_SYMBOLS);
    expect(markets.get('BTC/USDT')).toEqual({
      symbol: 'BTC/USDT',
      venueSymbol: 'BTCUSDT',
      base: 'BTC',
      quote: 'USDT',
      active: true,
      stepSize: '0.00001',
      tickSize: '0.01',
      minQty: '0.00001',
      maxQty: '9000',
      minNotional: '5',
      priceBand: { multiplierDown: '0.2', multiplierUp: '5' },
      orderTypes: ['market', 'limit', 'stop-limit', 'stop-market'],
    });
    expect(markets.get('ETH/USDT')).toMatchObject({ stepSize: '0.0001', tickSize: '0.01' });
    expect(markets.get('SOL/USDT')).toMatchObject({ stepSize: '0.001', tickSize: '0.01' });
    expect(markets.get('DOGE/USDT')).toMatchObject({ stepSize: '1', tickSize: '0.00001' });
    expect(markets.get('ETH/BTC')).toMatchObject({
      stepSize: '0.0001',
      tickSize: '0.000001',
      minNotional: '0.00001',
    });
  });

  it('lists extra symbols on request', async () => {
    const custom = new SimulatedFeed({ venue: 'paper', symbols: ['PEPE/USDT'] });
    expect([...(await custom.markets()).keys()]).toEqual(['PEPE/USDT']);
  });

  it('returns closed candles only, whatever the request asks for', async () => {
    const candles = await feed.candles(
      { symbol: 'BTC/USDT', timeframe: '1m', since: NOW - 10 * M, until: NOW + 10 * M },
      NOW,
    );
    const last = Math.floor(NOW / M) * M - M;
    expect(candles.at(-1)?.time).toBe(last);
    expect(candles[0]?.time).toBe(Math.ceil((NOW - 10 * M) / M) * M);
    expect(candles).toEqual(
      new SimulatedMarket({ seed: 'feed' }).candles(
        'BTC/USDT',
        '1m',
        candles[0]?.time ?? 0,
        last + M,
      ),
    );
  });

  it('gives the same candle whenever it is asked (now only decides which are closed)', async () => {
    const request = { symbol: 'ETH/USDT', timeframe: '1h' as const, since: NOW - 5 * 3_600_000 };
    const early = await feed.candles(request, NOW);
    const late = await feed.candles(request, NOW + 86_400_000);
    expect(late.slice(0, early.length)).toEqual(early);
    expect(late.length).toBeGreaterThan(early.length);
  });

  it('rejects a malformed symbol with an ExchangeError', async () => {
    await expect(feed.ticker('BTCUSDT', NOW)).rejects.toMatchObject({
      kind: 'rejected',
      code: 'bad_symbol',
    });
  });
});
