import type { Db } from '../../lib/db/client';
import { bots, type Bot } from '../../lib/db/schema';

/**
 * `count` running rule bots on one account, due at once (`sma-cross` on 1m candles). The API
 * allows intervals from 60 s; tests may give the database a shorter one.
 */
export async function insertRunningBots(
  db: Db,
  options: {
    userId: string;
    accountId: string;
    count: number;
    intervalSeconds: number;
    symbol?: string;
    firstSlot?: Date;
    /** Per-bot strategy params (default: SMA 5/20 for every bot). */
    strategyParams?: (index: number) => Record<string, unknown>;
  },
): Promise<Bot[]> {
  const rows = Array.from({ length: options.count }, (_, i) => ({
    userId: options.userId,
    exchangeAccountId: options.accountId,
    name: `bot-${i}`,
    symbol: options.symbol ?? 'BTC/USDT',
    timeframe: '1m',
    intervalSeconds: options.intervalSeconds,
    strategyKind: 'rule' as const,
    strategyId: 'sma-cross',
    strategyParams: options.strategyParams?.(i) ?? { fastPeriod: 5, slowPeriod: 20 },
    tradeAmount: '100',
    stopLossPct: '2',
    takeProfitPct: '3',
    maxHoldMinutes: 30,
    status: 'running' as const,
    nextCycleAt: options.firstSlot ?? new Date(),
  }));
  const created: Bot[] = [];
  for (let i = 0; i < rows.length; i += 500)
    created.push(
      ...(await db
        .insert(bots)
        .values(rows.slice(i, i + 500))
        .returning()),
    );
  return created;
}
