import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../lib/db/client';
import { ensurePaperAccount } from '../../lib/db/queries/paper';
import { insertSignal } from '../../lib/db/queries/signals';
import { insertUser } from '../../lib/db/queries/users';
import { keyRingFromHex } from '../../lib/crypto/secret-box';
import type { NewSignal } from '../../lib/db/schema';
import {
  createScriptedFeed,
  type ScriptedFeed,
} from '../../lib/exchange/paper/testing/scripted-feed';
import type { TradingDeps, TradingEvent } from '../../lib/trading/deps';
import { createExchangeRegistry, type ExchangeRegistry } from '../../lib/trading/exchange-registry';

export const T0 = Date.UTC(2024, 0, 1, 12);
export const MINUTE = 60_000;

/** Queues a manual BTC/USDT buy on `account` for its owner; `values` set or override the rest. */
export function queueManualSignal(
  db: Db,
  account: { id: string; userId: string },
  values: Partial<NewSignal> = {},
) {
  return insertSignal(db, {
    userId: account.userId,
    exchangeAccountId: account.id,
    source: 'manual',
    symbol: 'BTC/USDT',
    action: 'buy',
    ...values,
  });
}

/**
 * A user with a funded paper account, a scripted price feed and a settable clock, wired to the
 * real trading use cases through the real exchange registry (paper exchange on PostgreSQL).
 */
export async function createTradingFixture(
  db: Db,
  options: { startingBalance?: string; price?: number } = {},
) {
  const user = await insertUser(db, {
    email: `${randomUUID()}@example.com`,
    name: 'Trader',
    passwordHash: 'x',
  });
  const account = await ensurePaperAccount(db, user.id, {
    startingBalance: options.startingBalance ?? '10000',
  });
  const feed: ScriptedFeed = createScriptedFeed();
  let now = T0;
  feed.setPrice('BTC/USDT', options.price ?? 30000, now - 10 * MINUTE);
  const events: TradingEvent[] = [];
  const registry: ExchangeRegistry = createExchangeRegistry({
    db,
    keyRing: keyRingFromHex(randomBytes(32).toString('hex')),
    marketDataMode: 'simulated',
    paperFeed: feed,
    clock: () => now,
  });
  const deps: TradingDeps = {
    db,
    exchangeFor: (a) => registry.exchangeFor(a),
    now: () => new Date(now),
    notify: (event) => {
      events.push(event);
      return Promise.resolve();
    },
  };
  return {
    user,
    account,
    feed,
    deps,
    events,
    registry,
    now: () => now,
    /** Queues a manual BTC/USDT buy on the paper account (see `queueManualSignal`). */
    signal: (values: Partial<NewSignal> = {}) => queueManualSignal(db, account, values),
    /** Moves the clock to `time` and sets the price there. */
    at(time: number, price?: number, symbol = 'BTC/USDT') {
      now = time;
      if (price !== undefined) feed.setPrice(symbol, price, time);
    },
  };
}
