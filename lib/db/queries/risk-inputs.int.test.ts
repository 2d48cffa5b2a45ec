import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db/test-database';
import { createTradingFixture, T0 } from '../../../test/trading/trading-fixture';
import { TRACK_RECORD_SIZE } from '../../core/metrics';
import { createBot } from '../../trading/bots';
import { botInputSchema } from '../../trading/bot-input';
import { newClientOrderId } from '../../trading/client-order-id';
import { appSettings, equitySnapshots, orders, positions, riskSettings } from '../schema';
import type { NewOrder, NewPosition } from '../schema';
import { riskSnapshot } from './risk-inputs';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const HOUR = 3_600_000;
const DAY_START = new Date(T0 - 12 * HOUR); // T0 is 12:00 UTC
const YESTERDAY = new Date(T0 - 20 * HOUR);

describe('riskSnapshot', () => {
  it('reads every counter, mark and record of one user, account, bot and symbol in one statement', async () => {
    const f = await createTradingFixture(t.db);
    const other = await createTradingFixture(t.db);
    const bot = await createBot(
      f.deps,
      f.user.id,
      botInputSchema.parse({
        name: 'Snap',
        symbol: 'BTC/USDT',
        strategyId: 'sma-cross',
        tradeAmount: '100',
      }),
    );
    const owner = { userId: f.user.id, exchangeAccountId: f.account.id };
    const position = (values: Partial<NewPosition>): NewPosition => ({
      ...owner,
      symbol: 'BTC/USDT',
      quantity: '0.1',
      entryPrice: '30000',
      entryCost: '3000',
      protection: 'emulated',
      ...values,
    });
    const order = (values: Partial<NewOrder>): NewOrder => ({
      ...owner,
      clientOrderId: newClientOrderId('entry'),
      symbol: 'BTC/USDT',
      side: 'buy',
      type: 'market',
      role: 'entry',
      source: 'manual',
      quantity: '0.1',
      ...values,
    });
    await t.db.insert(positions).values([
      position({ botId: bot.id }),
      position({ status: 'closing', symbol: 'ETH/USDT', quantity: '2', entryPrice: '2000' }),
      // closed today: two bot trades (a win, then a stop-loss), one manual
      position({
        botId: bot.id,
        status: 'closed',
        realizedPnl: '12.5',
        closedAt: new Date(T0 - 3 * HOUR),
      }),
      position({
        botId: bot.id,
        status: 'closed',
        realizedPnl: '-4',
        exitReason: 'stop_loss',
        closedAt: new Date(T0 - HOUR),
      }),
      position({ status: 'closed', realizedPnl: '-1.25', closedAt: new Date(T0 - 2 * HOUR) }),
      // closed yesterday: not in today's P&L, still in the bot's life and record
      position({ botId: bot.id, status: 'closed', realizedPnl: '100', closedAt: YESTERDAY }),
    ]);
    await t.db
      .insert(orders)
      .values([
        order({ status: 'open' }),
        order({ status: 'filled', createdAt: new Date(T0 - 30 * 60_000) }),
        order({ status: 'rejected', createdAt: new Date(T0 - 60_000) }),
        order({ status: 'filled', side: 'sell', createdAt: new Date(T0 - 10 * 60_000) }),
        order({ status: 'filled', createdAt: YESTERDAY }),
        order({ role: 'take_profit', side: 'sell', status: 'open' }),
      ]);
    await t.db.insert(equitySnapshots).values([
      {
        userId: f.user.id,
        exchangeAccountId: f.account.id,
        time: YESTERDAY,
        equity: '12000',
        cash: '1',
      },
      {
        userId: f.user.id,
        exchangeAccountId: f.account.id,
        time: new Date(T0 - 6 * HOUR),
        equity: '9500',
        cash: '1',
      },
      {
        userId: f.user.id,
        exchangeAccountId: f.account.id,
        time: new Date(T0 - HOUR),
        equity: '9800',
        cash: '1',
      },
    ]);
    await t.db
      .insert(riskSettings)
      .values({ userId: f.user.id, policy: { maxOpenPositions: 7 }, killSwitch: true });
    await t.db.insert(appSettings).values({ key: 'kill_switch', value: true });
    // another user's rows on the same symbol change nothing
    await t.db.insert(positions).values({
      userId: other.user.id,
      exchangeAccountId: other.account.id,
      symbol: 'BTC/USDT',
      quantity: '5',
      entryPrice: '1',
      entryCost: '5',
      protection: 'emulated',
    });

    const key = {
      userId: f.user.id,
      accountId: f.account.id,
      symbol: 'BTC/USDT',
      side: 'buy' as const,
    };
    const snap = await riskSnapshot(t.db, { ...key, botId: bot.id }, DAY_START);
    expect(snap).toEqual({
      settings: { policy: { maxOpenPositions: 7 }, killSwitch: true },
      globalKill: true,
      openPositions: 2,
      openPositionsForBot: 1,
      openOrdersForSymbol: 1,
      tradesToday: 3,
      realisedPnlToday: 7.25,
      lastOrderAt: expect.any(Number),
      lastStopLossAt: T0 - HOUR,
      positionQuantity: 0.1,
      equityPeak: 12000,
      startOfDayEquity: 9500,
      held: expect.arrayContaining([
        { symbol: 'BTC/USDT', quantity: 0.1, entryPrice: 30000 },
        { symbol: 'ETH/USDT', quantity: 2, entryPrice: 2000 },
      ]),
      recordPnls: [-4, 12.5, 100],
      botRealised: { realised: 108.5, closedTrades: 3 },
    });
    expect(snap.held).toHaveLength(2);
    // the open entry order has the newest creation time (now), newer than every filled one
    expect(snap.lastOrderAt).toBeGreaterThan(T0);

    const manual = await riskSnapshot(t.db, { ...key, side: 'sell', botId: null }, DAY_START);
    expect(manual).toMatchObject({
      openPositionsForBot: 0,
      lastOrderAt: T0 - 10 * 60_000,
      recordPnls: [],
      botRealised: { realised: 0, closedTrades: 0 },
    });
  });

  it('answers a user with nothing yet: zeros, nulls and the default switches', async () => {
    await t.db.delete(appSettings);
    const f = await createTradingFixture(t.db);
    const snap = await riskSnapshot(
      t.db,
      { userId: f.user.id, accountId: f.account.id, botId: null, symbol: 'BTC/USDT', side: 'buy' },
      DAY_START,
    );
    expect(snap).toEqual({
      settings: { policy: {}, killSwitch: false },
      globalKill: false,
      openPositions: 0,
      openPositionsForBot: 0,
      openOrdersForSymbol: 0,
      tradesToday: 0,
      realisedPnlToday: 0,
      lastOrderAt: null,
      lastStopLossAt: null,
      positionQuantity: 0,
      equityPeak: null,
      startOfDayEquity: null,
      held: [],
      recordPnls: [],
      botRealised: { realised: 0, closedTrades: 0 },
    });
  });

  it('keeps only the last TRACK_RECORD_SIZE closed trades, newest first', async () => {
    const f = await createTradingFixture(t.db);
    const bot = await createBot(
      f.deps,
      f.user.id,
      botInputSchema.parse({
        name: 'Long',
        symbol: 'BTC/USDT',
        strategyId: 'sma-cross',
        tradeAmount: '100',
      }),
    );
    const n = TRACK_RECORD_SIZE + 3;
    await t.db.insert(positions).values(
      Array.from({ length: n }, (_, i) => ({
        userId: f.user.id,
        exchangeAccountId: f.account.id,
        botId: bot.id,
        symbol: 'BTC/USDT',
        status: 'closed' as const,
        quantity: '0.1',
        entryPrice: '1',
        entryCost: '1',
        protection: 'emulated' as const,
        realizedPnl: String(i + 1),
        closedAt: new Date(T0 - (n - i) * HOUR),
      })),
    );
    const snap = await riskSnapshot(
      t.db,
      {
        userId: f.user.id,
        accountId: f.account.id,
        botId: bot.id,
        symbol: 'BTC/USDT',
        side: 'buy',
      },
      DAY_START,
    );
    expect(snap.recordPnls).toEqual(Array.from({ length: TRACK_RECORD_SIZE }, (_, i) => n - i));
    expect(snap.botRealised).toEqual({ realised: (n * (n + 1)) / 2, closedTrades: n });
  });
});
