import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { queryKeys } from '@/lib/realtime/query-keys';
import { applyRealtimeEvent, LIVE_LOG_LIMIT, resyncQueries } from './apply-realtime-event';

const at = '2030-01-01T00:00:00.000Z';

function clientWith(...keys: (readonly unknown[])[]) {
  const client = new QueryClient();
  for (const key of keys) client.setQueryData(key, { loaded: true });
  const invalidated = (key: readonly unknown[]) =>
    client.getQueryState(key)?.isInvalidated ?? false;
  return { client, invalidated };
}

describe('applyRealtimeEvent', () => {
  it('invalidates positions, the portfolio and the bot when a position closes, and nothing else', () => {
    const { client, invalidated } = clientWith(
      queryKeys.positions.all,
      queryKeys.portfolio.all,
      queryKeys.bots.detail('bot-1'),
      queryKeys.bots.detail('bot-2'),
      queryKeys.signals.all,
    );
    applyRealtimeEvent(client, 'position:closed', {
      positionId: 'p1',
      botId: 'bot-1',
      symbol: 'BTC/USDT',
      exitPrice: '66000',
      exitReason: 'take_profit',
      realizedPnl: '10',
      realizedPnlPct: '1.5',
      durationMs: 60_000,
      at,
    });
    expect(invalidated(queryKeys.positions.all)).toBe(true);
    expect(invalidated(queryKeys.portfolio.all)).toBe(true);
    expect(invalidated(queryKeys.bots.detail('bot-1'))).toBe(true);
    expect(invalidated(queryKeys.bots.detail('bot-2'))).toBe(false);
    expect(invalidated(queryKeys.signals.all)).toBe(false);
  });

  it('writes a bot status into a cached bot and invalidates the bot lists', () => {
    const { client, invalidated } = clientWith(queryKeys.bots.all);
    client.setQueryData(queryKeys.bots.detail('bot-1'), {
      id: 'bot-1',
      name: 'Scalper',
      status: 'stopped',
    });
    applyRealtimeEvent(client, 'bot:status', {
      botId: 'bot-1',
      status: 'running',
      reason: null,
      at,
    });
    expect(client.getQueryData(queryKeys.bots.detail('bot-1'))).toEqual({
      id: 'bot-1',
      name: 'Scalper',
      status: 'running',
    });
    expect(invalidated(queryKeys.bots.all)).toBe(true);
  });

  it('stores price ticks and job progress without refetching', () => {
    const { client } = clientWith();
    const tick = {
      accountId: 'acc-1',
      venue: 'paper' as const,
      symbol: 'ETH/USDT',
      price: '3000.5',
      time: at,
    };
    applyRealtimeEvent(client, 'price:tick', tick);
    expect(client.getQueryData(queryKeys.prices.symbol('paper', 'ETH/USDT'))).toEqual(tick);
    expect(client.getQueryData(queryKeys.prices.account('acc-1', 'ETH/USDT'))).toEqual(tick);
    const progress = {
      jobId: 'j1',
      kind: 'backtest',
      status: 'running' as const,
      percent: 42,
      message: null,
      at,
    };
    applyRealtimeEvent(client, 'job:progress', progress);
    expect(client.getQueryData(queryKeys.jobs.detail('j1'))).toEqual(progress);
  });

  it('invalidates backtests when a backtest job finishes', () => {
    const { client, invalidated } = clientWith(queryKeys.backtests.all, queryKeys.jobs.all);
    const base = { jobId: 'j1', kind: 'backtest', percent: 50, message: null, at };
    applyRealtimeEvent(client, 'job:progress', { ...base, status: 'running' });
    expect(invalidated(queryKeys.backtests.all)).toBe(false);
    applyRealtimeEvent(client, 'job:progress', { ...base, status: 'completed', percent: 100 });
    expect(invalidated(queryKeys.backtests.all)).toBe(true);
    expect(invalidated(queryKeys.jobs.all)).toBe(true);
  });

  it('keeps the newest system-log lines, capped', () => {
    const { client } = clientWith();
    for (let i = 0; i < LIVE_LOG_LIMIT + 3; i++) {
      applyRealtimeEvent(client, 'log:line', {
        level: 'info',
        source: 'worker',
        message: `line ${i}`,
        time: at,
      });
    }
    const lines = client.getQueryData<{ message: string }[]>(queryKeys.systemLog.live)!;
    expect(lines).toHaveLength(LIVE_LOG_LIMIT);
    expect(lines[0]!.message).toBe('line 3');
    expect(lines.at(-1)!.message).toBe(`line ${LIVE_LOG_LIMIT + 2}`);
  });

  it('refetches everything live after a reconnect, but not price ticks', () => {
    const tick = queryKeys.prices.symbol('paper', 'BTC/USDT');
    const { client, invalidated } = clientWith(
      queryKeys.positions.all,
      queryKeys.signals.all,
      tick,
    );
    resyncQueries(client);
    expect(invalidated(queryKeys.positions.all)).toBe(true);
    expect(invalidated(queryKeys.signals.all)).toBe(true);
    expect(invalidated(tick)).toBe(false);
  });
});
