import { randomUUID } from 'node:crypto';
import type { Db } from '../../lib/db/client';
import { ensurePaperAccount } from '../../lib/db/queries/paper';
import { insertUser } from '../../lib/db/queries/users';
import type { Bot } from '../../lib/db/schema';
import { insertRunningBots } from './running-bots';

/**
 * `users` traders, each with a funded paper account running `botsPerUser` rule bots on the
 * simulated market, all due at `firstSlot`. Their SMA periods vary (fast 3–7, slow 15–25) so
 * their crossovers, and so their trades, spread over time as real bots' would.
 */
export async function createPaperBots(
  db: Db,
  options: { users: number; botsPerUser: number; intervalSeconds: number; firstSlot: Date },
): Promise<Bot[]> {
  const all: Bot[] = [];
  for (let u = 0; u < options.users; u += 1) {
    const user = await insertUser(db, {
      email: `${randomUUID()}@example.com`,
      name: `Trader ${u}`,
      passwordHash: 'x',
    });
    const account = await ensurePaperAccount(db, user.id, { startingBalance: '100000' });
    const symbols = ['BTC/USDT', 'ETH/USDT'];
    for (const [i, symbol] of symbols.entries()) {
      const count =
        Math.floor(options.botsPerUser / symbols.length) +
        (i < options.botsPerUser % symbols.length ? 1 : 0);
      all.push(
        ...(await insertRunningBots(db, {
          userId: user.id,
          accountId: account.id,
          count,
          intervalSeconds: options.intervalSeconds,
          symbol,
          firstSlot: options.firstSlot,
          strategyParams: (b) => {
            const n = u * options.botsPerUser + i * 7 + b;
            return { fastPeriod: 3 + (n % 5), slowPeriod: 15 + ((n * 7) % 11) };
          },
        })),
      );
    }
  }
  return all;
}
