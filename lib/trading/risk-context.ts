import {
  evaluateRisk,
  startOfUtcDay,
  type RiskContext,
  type RiskEvaluation,
  type RiskPolicy,
} from '../core/risk';
import type { Db } from '../db/client';
import { riskSnapshot } from '../db/queries/risk-inputs';
import type { Bot } from '../db/schema';
import type { AssetBalance, Market } from '../exchange/types';
import { policyOf } from './policy-of';

export interface RiskInputs {
  policy: RiskPolicy;
  base: Omit<RiskContext, 'order'>;
  /** Free quote balance available for a new order. */
  freeQuote: number;
  /** Base held on this symbol by open positions, valued at `price`. */
  positionValue: number;
  /** The bot's realised P&L and closed trades (zero for a manual order). */
  botRealised: { realised: number; closedTrades: number };
}

/**
 * Everything the risk engine needs besides the order itself, read from the database in one
 * statement (counters, policy, kill switches, equity marks, track record) and the venue's
 * balances — never memory. The balances may be a request still under way: it runs while the
 * database answers (on a live venue that request is the slower of the two). The order path
 * passes them already fetched: it reads the counters under the user's order lock, which no
 * venue call may hold up.
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
  venueBalances: AssetBalance[] | Promise<AssetBalance[]>,
): Promise<RiskInputs> {
  const [snap, balances] = await Promise.all([
    riskSnapshot(
      db,
      {
        userId: key.userId,
        accountId: key.accountId,
        botId: key.bot?.id ?? null,
        symbol: key.market.symbol,
        side: key.side,
      },
      new Date(startOfUtcDay(key.now.getTime())),
    ),
    venueBalances,
  ]);
  const {
    settings,
    globalKill,
    positionQuantity,
    equityPeak,
    startOfDayEquity,
    held,
    recordPnls: record,
    botRealised,
    ...counters
  } = snap;
  const policy = policyOf(settings.policy, key.bot?.riskOverrides);
  const quote = balances.find((b) => b.asset === key.market.quote);
  const freeQuote = Number(quote?.free ?? 0);
  const quoteTotal = freeQuote + Number(quote?.locked ?? 0);
  const holdings = held.reduce(
    (sum, p) => sum + p.quantity * (p.symbol === key.market.symbol ? key.price : p.entryPrice),
    0,
  );
  const equity = quoteTotal + holdings;
  const positionValue = positionQuantity * key.price;
  const wins = record.filter((pnl) => pnl > 0).length;
  let losingStreak = 0;
  for (const pnl of record) {
    if (pnl > 0) break;
    losingStreak += 1;
  }
  return {
    policy,
    freeQuote,
    positionValue,
    botRealised,
    base: {
      now: key.now.getTime(),
      account: {
        balance: freeQuote,
        equity,
        equityPeak: Math.max(equityPeak ?? equity, equity),
        startOfDayEquity: startOfDayEquity ?? equity,
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
