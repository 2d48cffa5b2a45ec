import {
  evaluateRisk,
  resolvePolicy,
  startOfUtcDay,
  type RiskContext,
  type RiskEvaluation,
  type RiskPolicy,
} from '../core/risk';
import type { Db } from '../db/client';
import { getSetting } from '../db/queries/settings';
import { equityMarks, riskCountersFromDb, riskSettingsOf } from '../db/queries/risk-inputs';
import { openPositions, recentClosedPositions } from '../db/queries/positions';
import type { Bot } from '../db/schema';
import type { AssetBalance, Market } from '../exchange/types';

export interface RiskInputs {
  policy: RiskPolicy;
  base: Omit<RiskContext, 'order'>;
  /** Free quote balance available for a new order. */
  freeQuote: number;
  /** Base held on this symbol by open positions, valued at `price`. */
  positionValue: number;
}

/**
 * Everything the risk engine needs besides the order itself, read from the database (counters,
 * policy, kill switches, equity marks, track record) and the venue's balances — never memory.
 */
export async function loadRiskInputs(
  db: Db,
  key: {
    userId: string;
    accountId: string;
    bot: Bot | null;
    market: Market;
    side: 'buy' | 'sell';
    price: number;
    now: Date;
  },
  balances: AssetBalance[],
): Promise<RiskInputs> {
  const dayStart = new Date(startOfUtcDay(key.now.getTime()));
  const [settings, globalKill, counters, marks, held, record] = await Promise.all([
    riskSettingsOf(db, key.userId),
    getSetting(db, 'kill_switch'),
    riskCountersFromDb(
      db,
      {
        userId: key.userId,
        accountId: key.accountId,
        botId: key.bot?.id ?? null,
        symbol: key.market.symbol,
        side: key.side,
      },
      dayStart,
    ),
    equityMarks(db, key.accountId, dayStart),
    openPositions(db, { accountId: key.accountId }),
    key.bot ? recentClosedPositions(db, key.bot.id, 15) : Promise.resolve([]),
  ]);
  const policy = resolvePolicy(settings.policy, key.bot?.riskOverrides);
  const quote = balances.find((b) => b.asset === key.market.quote);
  const freeQuote = Number(quote?.free ?? 0);
  const quoteTotal = freeQuote + Number(quote?.locked ?? 0);
  const holdings = held.reduce(
    (sum, p) =>
      sum +
      Number(p.quantity) * (p.symbol === key.market.symbol ? key.price : Number(p.entryPrice)),
    0,
  );
  const equity = quoteTotal + holdings;
  const positionValue = counters.positionQuantity * key.price;
  const wins = record.filter((p) => Number(p.realizedPnl ?? 0) > 0).length;
  let losingStreak = 0;
  for (const p of record) {
    if (Number(p.realizedPnl ?? 0) > 0) break;
    losingStreak += 1;
  }
  return {
    policy,
    freeQuote,
    positionValue,
    base: {
      now: key.now.getTime(),
      account: {
        balance: freeQuote,
        equity,
        equityPeak: Math.max(marks.peak ?? equity, equity),
        startOfDayEquity: marks.startOfDay ?? equity,
      },
      counters: { ...counters, positionValue },
      killSwitch: { global: globalKill, user: settings.killSwitch },
      trackRecord:
        record.length > 0
          ? { closedTrades: record.length, winRatePct: (wins / record.length) * 100, losingStreak }
          : null,
    },
  };
}

export function evaluate(inputs: RiskInputs, order: RiskContext['order']): RiskEvaluation {
  return evaluateRisk({ ...inputs.base, order }, inputs.policy);
}
