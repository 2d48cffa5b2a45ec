import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeError } from '../exchange-error';
import { CcxtFeed } from './ccxt-feed';
import { SimulatedMarket } from './simulated';
import { binanceClientFor, startBinanceStub, type BinanceStub } from './testing/binance-stub';

const NOW = Date.UTC(2025, 0, 15, 12, 34, 56, 789);
const M = 60_000;

describe('CcxtFeed against a loopback Binance', () => {
  let stub: BinanceStub;
  let feed: CcxtFeed;

  beforeAll(async () => {
    stub = await startBinanceStub({ seed: 'feed', halted: ['DOGE/USDT'], now: () => NOW });
    feed = new CcxtFeed({ venue: 'binance', exchange: binanceClientFor(stub.url) });
  });

  afterAll(() => stub.close());

  it('maps exchangeInfo to markets with exact filter strings, loading it once', async () => {
    const markets = await feed.markets();
    await feed.markets();
    expect([...markets.keys()].sort()).toEqual(['BTC/USDT', 'DOGE/USDT', 'ETH/BTC', 'ETH/USDT']);
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
      orderTypes: ['limit', 'market', 'stop-market', 'stop-limit'],
    });
    expect(markets.get('DOGE/USDT')?.active).toBe(false);
    expect(markets.get('ETH/BTC')?.tickSize).toBe('0.000001');
    expect(stub.requests.filter((r) => r.path === '/api/v3/exchangeInfo')).toHaveLength(1);
  });

  it('reads the ticker', async () => {
    const expected = new SimulatedMarket({ seed: 'feed' }).ticker('BTC/USDT', NOW);
    expect(await feed.ticker('BTC/USDT', NOW)).toEqual(expected);
  });

  it('pages candles past the per-call limit and returns closed candles only', async () => {
    const before = stub.requests.length;
    const since = NOW - 2500 * M;
    const candles = await feed.candles({ symbol: 'BTC/USDT', timeframe: '1m', since }, NOW);
    const klineCalls = stub.requests.slice(before).filter((r) => r.path === '/api/v3/klines');
    expect(klineCalls.map((r) => r.query.get('limit'))).toEqual(['1000', '1000', '499']);
    const from = Math.ceil(since / M) * M;
    const to = Math.floor(NOW / M) * M;
    expect(candles).toHaveLength((to - from) / M);
    expect(candles).toEqual(
      new SimulatedMarket({ seed: 'feed' }).candles('BTC/USDT', '1m', from, to),
    );
  });

  it('pages by the configured page size and stops at until and limit', async () => {
    const small = new CcxtFeed({
      venue: 'binance',
      exchange: binanceClientFor(stub.url),
      maxCandlesPerCall: 100,
    });
    const before = stub.requests.length;
    const since = Date.UTC(2025, 0, 1);
    const hours = await small.candles(
      { symbol: 'ETH/USDT', timeframe: '1h', since, until: since + 250 * 3_600_000 },
      NOW,
    );
    expect(hours).toHaveLength(250);
    expect(hours.at(-1)?.time).toBe(since + 249 * 3_600_000);
    expect(stub.requests.slice(before).filter((r) => r.path === '/api/v3/klines')).toHaveLength(3);
    const limited = await small.candles(
      { symbol: 'ETH/USDT', timeframe: '1h', since, limit: 7 },
      NOW,
    );
    expect(limited.map((c) => c.time)).toEqual(hours.slice(0, 7).map((c) => c.time));
  });

  it('returns nothing for a range with no data and asks once', async () => {
    const before = stub.requests.length;
    const future = await feed.candles(
      { symbol: 'BTC/USDT', timeframe: '1m', since: NOW + 10 * M },
      NOW,
    );
    expect(future).toEqual([]);
    expect(stub.requests.length).toBe(before);
  });

  it('turns ccxt failures into ExchangeErrors sorted by what to do next', async () => {
    await expect(feed.ticker('NOPE/USDT', NOW)).rejects.toMatchObject({
      kind: 'rejected',
      code: 'bad_symbol',
    });
    stub.offline = true;
    try {
      const error = await feed.ticker('BTC/USDT', NOW).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ExchangeError);
      expect(error).toMatchObject({ kind: 'retry', code: 'network' });
    } finally {
      stub.offline = false;
    }
  });
});
