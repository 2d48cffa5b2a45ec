import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase } from '../../../test/db/test-database';
import { ensurePaperAccount } from '../../db/queries/paper';
import { insertUser } from '../../db/queries/users';
import { createPaperExchange } from '../paper';
import { createScriptedFeed } from '../paper/testing/scripted-feed';
import { describeExchangeContract } from './describe-exchange-contract';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describeExchangeContract('paper exchange', async () => {
  const user = await insertUser(t.db, {
    email: `${randomUUID()}@example.com`,
    name: 'Contract',
    passwordHash: 'x',
  });
  const account = await ensurePaperAccount(t.db, user.id, { startingBalance: '10000' });
  const feed = createScriptedFeed();
  let now = Date.UTC(2024, 0, 1);
  const exchange = createPaperExchange({ db: t.db, accountId: account.id, feed, clock: () => now });
  return {
    exchange,
    fees: { maker: '0.001', taker: '0.001' },
    setPrice(symbol, price) {
      now += 1_000;
      feed.setPrice(symbol, Number(price), now);
      return Promise.resolve();
    },
    async advance() {
      now += 60_000;
      await exchange.matchOpenOrders();
    },
    teardown: () => exchange.close(),
  };
});
