import { randomUUID } from 'node:crypto';
import { type FillConfigInput } from '../../../core/fills';
import { type Db } from '../../../db/client';
import { ensurePaperAccount } from '../../../db/queries/paper';
import { insertUser } from '../../../db/queries/users';
import { createPaperExchange, type PaperExchange } from '../paper-exchange';
import { createScriptedFeed, type ScriptedFeed } from './scripted-feed';

export const T0 = Date.UTC(2024, 0, 1);
export const MINUTE = 60_000;

export interface PaperFixture {
  accountId: string;
  feed: ScriptedFeed;
  exchange: PaperExchange;
  /** The fixture's clock (epoch ms). */
  now(): number;
  /** Moves the clock to `time`. */
  at(time: number): void;
  /** Sets the price at the current clock. */
  price(price: number, symbol?: string): void;
  /** Another exchange on the same account and feed (a second worker, or after a restart). */
  reopen(db?: Db): PaperExchange;
}

/**
 * A fresh user with a paper account funded with `startingBalance` USDT, a scripted feed with
 * BTC/USDT at `price` from T0, and a paper exchange on a settable clock.
 */
export async function createPaperFixture(
  db: Db,
  options: { startingBalance?: string; price?: number; fillConfig?: FillConfigInput } = {},
): Promise<PaperFixture> {
  const user = await insertUser(db, {
    email: `${randomUUID()}@example.com`,
    name: 'Paper',
    passwordHash: 'x',
  });
  const account = await ensurePaperAccount(db, user.id, {
    startingBalance: options.startingBalance ?? '10000',
  });
  const feed = createScriptedFeed();
  let now = T0;
  feed.setPrice('BTC/USDT', options.price ?? 30000, now);
  const open = (on: Db) =>
    createPaperExchange({
      db: on,
      accountId: account.id,
      feed,
      clock: () => now,
      fillConfig: options.fillConfig,
    });
  return {
    accountId: account.id,
    feed,
    exchange: open(db),
    now: () => now,
    at(time) {
      now = time;
    },
    price(price, symbol = 'BTC/USDT') {
      feed.setPrice(symbol, price, now);
    },
    reopen: (on = db) => open(on),
  };
}
