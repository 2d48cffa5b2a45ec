import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db/test-database';
import { createTradingFixture, MINUTE, T0 } from '../../test/trading/trading-fixture';
import { botCycles, botLogs, bots, orders, positions, signals } from '../db/schema';
import { runDueBotCycles } from '../../worker/jobs/bot-cycles';
import { createBot, commandBot } from './bots';
import { botInputSchema } from './bot-input';
import { isPaperExchange } from './exchange-registry';
import { monitorExits } from './monitor-exits';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe('a rule bot on the paper exchange', () => {
  it('runs its cycle once per slot, buys on a crossover, protects it, and exits on max hold', async () => {
    const f = await createTradingFixture(t.db, { price: 30000 });
    // Flat for an hour, then the last closed candle jumps: the fast SMA crosses above the slow one.
    f.at(T0 - 60 * MINUTE, 30000);
    f.at(T0 - MINUTE + 30_000, 30300);
    f.at(T0 + 5_000);
    const bot = await createBot(
      f.deps,
      f.user.id,
      botInputSchema.parse({
        name: 'Cross',
        symbol: 'btcusdt',
        strategyId: 'sma-cross',
        strategyParams: { fastPeriod: 2, slowPeriod: 3 },
        tradeAmount: '500',
        stopLossPct: 2,
        takeProfitPct: 4,
        maxHoldMinutes: 5,
      }),
    );
    expect(bot.symbol).toBe('BTC/USDT');
    await commandBot(f.deps, f.user.id, bot.id, 'start');

    // Two workers race for the same due bot: exactly one runs its cycle.
    const [a, b] = await Promise.all([
      runDueBotCycles(f.deps, 'worker-a', { batch: 10, concurrency: 2 }),
      runDueBotCycles(f.deps, 'worker-b', { batch: 10, concurrency: 2 }),
    ]);
    expect(a + b).toBe(1);
    const cycles = await t.db.select().from(botCycles).where(eq(botCycles.botId, bot.id));
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toMatchObject({ outcome: 'decided', action: 'buy' });
    const log = await t.db.select().from(botLogs).where(eq(botLogs.botId, bot.id));
    expect(log.map((l) => `${l.level} ${l.message}`)).toEqual(['info buy: buy → executed']);

    const [signal] = await t.db.select().from(signals).where(eq(signals.botId, bot.id));
    expect(signal).toMatchObject({ source: 'strategy', action: 'buy', status: 'executed' });
    const [position] = await t.db.select().from(positions).where(eq(positions.botId, bot.id));
    expect(position).toMatchObject({ status: 'open', protection: 'native_oco' });
    expect(Number(position!.entryCost)).toBeLessThanOrEqual(500.5);

    // The slot is done: the bot is not due again until its next slot.
    expect(await runDueBotCycles(f.deps, 'worker-a', { batch: 10, concurrency: 2 })).toBe(0);
    const [scheduled] = await t.db.select().from(bots).where(eq(bots.id, bot.id));
    expect(scheduled!.nextCycleAt!.getTime()).toBeGreaterThan(f.now());
    expect(scheduled!.leaseOwner).toBeNull();

    // Max hold time passes with the price between stop and target: the monitor closes it.
    f.at(T0 + 6 * MINUTE, 30300);
    const exchange = await f.deps.exchangeFor(f.account);
    if (isPaperExchange(exchange)) await exchange.matchOpenOrders(f.now());
    const report = await monitorExits(f.deps, f.account, exchange);
    expect(report.closed).toEqual([{ positionId: position!.id, reason: 'timeout' }]);
    const legs = await t.db.select().from(orders).where(eq(orders.positionId, position!.id));
    expect(legs.map((o) => `${o.role}:${o.status}`).sort()).toEqual([
      'entry:filled',
      'exit:filled',
      'stop_loss:canceled',
      'take_profit:canceled',
    ]);
  });
});
