import { afterEach, describe, expect, it, vi } from 'vitest';
import { AutoFeed } from './auto-feed';
import { CcxtFeed } from './ccxt-feed';
import { createMarketDataFeed } from './create-market-data-feed';
import { SimulatedFeed, SimulatedMarket } from './simulated';
import {
  binanceClientFor,
  closedLoopbackUrl,
  startBinanceStub,
  type BinanceStub,
} from './testing/binance-stub';
import { type MarketDataSource } from './types';

const NOW = Date.UTC(2025, 0, 15, 12, 34, 56, 789);
const M = 60_000;

describe('createMarketDataFeed', () => {
  let stub: BinanceStub | undefined;
  afterEach(async () => {
    await stub?.close();
    stub = undefined;
  });

  it('builds the simulated and the live feed on request', async () => {
    const simulated = await createMarketDataFeed({ venue: 'paper', mode: 'simulated', seed: 's' });
    expect(simulated).toBeInstanceOf(SimulatedFeed);
    expect(simulated.source()).toBe('simulated');
    const live = await createMarketDataFeed({
      venue: 'binance',
      mode: 'live',
      exchange: binanceClientFor(await closedLoopbackUrl()),
    });
    expect(live).toBeInstanceOf(CcxtFeed);
    expect(live.source()).toBe('live');
  });

  it('auto: falls back to the simulated market when the venue does not answer (closed loopback port)', async () => {
    const feed = await createMarketDataFeed({
      venue: 'binance',
      mode: 'auto',
      seed: 'offline',
      exchange: binanceClientFor(await closedLoopbackUrl()),
    });
    expect(feed.source()).toBe('simulated');
    const markets = await feed.markets();
    expect(markets.get('BTC/USDT')).toMatchObject({
      stepSize: '0.00001',
      tickSize: '0.01',
      minNotional: '5',
    });
    const sim = new SimulatedMarket({ seed: 'offline' });
    expect(await feed.ticker('BTC/USDT', NOW)).toEqual(sim.ticker('BTC/USDT', NOW));
    const candles = await feed.candles(
      { symbol: 'ETH/USDT', timeframe: '1m', since: NOW - 5 * M },
      NOW,
    );
    expect(candles).toEqual(
      sim.candles('ETH/USDT', '1m', Math.ceil((NOW - 5 * M) / M) * M, Math.floor(NOW / M) * M),
    );
  });

  it('auto: uses live data when the venue answers', async () => {
    stub = await startBinanceStub({ seed: 'venue', now: () => NOW });
    const feed = await createMarketDataFeed({
      venue: 'binance',
      mode: 'auto',
      seed: 'other',
      exchange: binanceClientFor(stub.url),
    });
    expect(feed.source()).toBe('live');
    expect(stub.requests.map((r) => r.path)).toContain('/api/v3/time');
    expect(await feed.ticker('BTC/USDT', NOW)).toEqual(
      new SimulatedMarket({ seed: 'venue' }).ticker('BTC/USDT', NOW),
    );
  });

  it('auto: switches to simulated when the venue drops, and back after a re-probe', async () => {
    stub = await startBinanceStub({ seed: 'venue', now: () => NOW });
    let clock = 1_000_000;
    const changes: MarketDataSource[] = [];
    const feed = await createMarketDataFeed({
      venue: 'binance',
      mode: 'auto',
      seed: 'fallback',
      exchange: binanceClientFor(stub.url),
      clock: () => clock,
      reprobeIntervalMs: 300_000,
      onSourceChange: (source) => changes.push(source),
    });
    expect(feed.source()).toBe('live');
    expect(changes).toEqual(['live']);
    await feed.markets();

    stub.offline = true;
    const during = await feed.ticker('BTC/USDT', NOW);
    expect(during).toEqual(new SimulatedMarket({ seed: 'fallback' }).ticker('BTC/USDT', NOW));
    expect(feed.source()).toBe('simulated');
    expect(changes).toEqual(['live', 'simulated']);

    stub.offline = false;
    const probes = (): number =>
      stub?.requests.filter((r) => r.path === '/api/v3/time').length ?? 0;
    const probesBefore = probes();
    clock += 299_999;
    await feed.ticker('BTC/USDT', NOW);
    expect(probes()).toBe(probesBefore);
    expect(feed.source()).toBe('simulated');

    clock += 1;
    const answer = await feed.ticker('BTC/USDT', NOW);
    expect(answer).toEqual(during);
    await vi.waitFor(() => expect(feed.source()).toBe('live'));
    expect(probes()).toBe(probesBefore + 1);
    expect(changes).toEqual(['live', 'simulated', 'live']);
    expect(await feed.ticker('BTC/USDT', NOW)).toEqual(
      new SimulatedMarket({ seed: 'venue' }).ticker('BTC/USDT', NOW),
    );
  });

  it('auto: passes on errors from a venue that answered (bad symbol) instead of hiding them', async () => {
    stub = await startBinanceStub({ now: () => NOW });
    const feed = await createMarketDataFeed({
      venue: 'binance',
      mode: 'auto',
      exchange: binanceClientFor(stub.url),
    });
    await expect(feed.ticker('NOPE/USDT', NOW)).rejects.toMatchObject({ code: 'bad_symbol' });
    expect(feed.source()).toBe('live');
  });
});

describe('AutoFeed probing', () => {
  it('gives a slow venue up after the probe timeout and shares one probe between callers', async () => {
    let probes = 0;
    const simulated = new SimulatedFeed({ venue: 'binance', seed: 'x' });
    const feed = new AutoFeed({
      live: simulated,
      simulated,
      probe: () => {
        probes += 1;
        return new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5));
      },
    });
    const [a, b] = await Promise.all([feed.probe(), feed.probe()]);
    expect([a, b]).toEqual(['simulated', 'simulated']);
    expect(probes).toBe(1);
  });

  it('treats a probe that throws as a venue that is down', async () => {
    const simulated = new SimulatedFeed({ venue: 'binance' });
    const feed = new AutoFeed({
      live: simulated,
      simulated,
      probe: () => Promise.reject(new Error('boom')),
    });
    expect(await feed.probe()).toBe('simulated');
  });
});
