import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db/test-database';
import { findExchangeAccountById, listExchangeAccounts } from '../../db/queries/exchange-accounts';
import { ensurePaperAccount, listPaperBalances } from '../../db/queries/paper';
import { advancePaperOcoChecks, findPaperOco } from '../../db/queries/paper-ocos';
import { insertUser } from '../../db/queries/users';
import { type OcoRequest } from '../types';
import { resetPaperAccount } from './reset-paper-account';
import { createPaperFixture, MINUTE, T0, type PaperFixture } from './testing/paper-fixture';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

let n = 0;
const id = (p: string) => `${p}-${++n}`;
const buy = (f: PaperFixture, quantity = '0.1') =>
  f.exchange.createOrder({
    symbol: 'BTC/USDT',
    side: 'buy',
    type: 'market',
    quantity,
    clientOrderId: id('m'),
  });
/** A sell OCO of 0.1 BTC: take-profit 31500, stop 28500 unless `prices` say otherwise. */
const sellOco = (f: PaperFixture, prices: Partial<OcoRequest> = {}) =>
  f.exchange.createOco({
    symbol: 'BTC/USDT',
    side: 'sell',
    quantity: '0.1',
    takeProfitPrice: '31500',
    stopPrice: '28500',
    clientOcoId: id('o'),
    ...prices,
  });
/** Buys 0.1 BTC at market and protects it with `sellOco`. */
const protectedBuy = async (f: PaperFixture, prices: Partial<OcoRequest> = {}) => {
  await buy(f);
  return sellOco(f, prices);
};
const statuses = async (f: PaperFixture, legIds: string[]) =>
  Promise.all(
    legIds.map(async (legId) => (await f.exchange.fetchOrder('BTC/USDT', { id: legId }))?.status),
  );

describe('paper exchange: OCO', () => {
  it('books the stop when one candle reaches both legs (stop-first) and cancels the target', async () => {
    const f = await createPaperFixture(t.db);
    const oco = await protectedBuy(f); // 6997 USDT, 0.1 BTC
    expect(oco.legs.map((l) => [l.type, l.price, l.stopPrice, l.clientOrderId])).toEqual([
      ['limit', '31500', undefined, `${oco.clientOcoId}-tp`],
      ['stop-market', undefined, '28500', `${oco.clientOcoId}-sl`],
    ]);
    expect((await f.exchange.fetchOpenOrders('BTC/USDT')).map((o) => o.ocoId)).toEqual([
      oco.id,
      oco.id,
    ]);
    f.at(T0 + MINUTE + 10_000);
    f.price(31600);
    f.at(T0 + MINUTE + 20_000);
    f.price(28000);
    f.at(T0 + MINUTE + 30_000);
    f.price(30000);
    const report = await f.exchange.matchOpenOrders(T0 + 2 * MINUTE);
    expect(report.filled).toEqual([oco.legs[1]!.id]);
    expect(
      await statuses(
        f,
        oco.legs.map((l) => l.id),
      ),
    ).toEqual(['canceled', 'filled']);
    expect((await f.exchange.fetchOco('BTC/USDT', { id: oco.id }))?.status).toBe('done');
    // 6997 + 2850 − 2.85
    expect(await f.exchange.fetchBalance()).toEqual([
      { asset: 'BTC', free: '0', locked: '0' },
      { asset: 'USDT', free: '9844.15', locked: '0' },
    ]);
    expect(await f.exchange.matchOpenOrders(T0 + 5 * MINUTE)).toEqual({
      filled: [],
      expired: [],
      triggered: [],
    });
  });

  it('moves a quiet list on without locking it, then still books what the market does next', async () => {
    const f = await createPaperFixture(t.db);
    const oco = await protectedBuy(f);
    const checkedUntil = async () =>
      (await findPaperOco(t.db, f.accountId, { id: oco.id }))!.checkedUntil.getTime();
    const placedAt = await checkedUntil();
    f.at(T0 + 2 * MINUTE + 10_000);
    f.price(30500);
    const quiet = await f.exchange.matchOpenOrders(T0 + 3 * MINUTE);
    expect(quiet).toEqual({ filled: [], expired: [], triggered: [] });
    const moved = await checkedUntil();
    expect(moved).toBeGreaterThan(placedAt);
    // A list another matcher changed since it was read (its checked_until moved) is left alone.
    await advancePaperOcoChecks(t.db, [
      { id: oco.id, from: new Date(placedAt), to: new Date(T0 + 60 * MINUTE) },
    ]);
    expect(await checkedUntil()).toBe(moved);
    f.at(T0 + 3 * MINUTE + 10_000);
    f.price(31600);
    const report = await f.exchange.matchOpenOrders(T0 + 4 * MINUTE);
    expect(report.filled).toEqual([oco.legs[0]!.id]);
    expect((await f.exchange.fetchOco('BTC/USDT', { id: oco.id }))?.status).toBe('done');
  });

  it('holds a buy OCO on quote funds and releases the unused lock when the target fills', async () => {
    const f = await createPaperFixture(t.db);
    const oco = await f.exchange.createOco({
      symbol: 'BTC/USDT',
      side: 'buy',
      quantity: '0.1',
      takeProfitPrice: '29000',
      stopPrice: '31000',
      clientOcoId: id('o'),
    });
    // 0.1 × 31000 × 1.001
    expect(await f.exchange.fetchBalance()).toEqual([
      { asset: 'USDT', free: '6896.9', locked: '3103.1' },
    ]);
    f.at(T0 + MINUTE);
    f.price(28900);
    expect((await f.exchange.matchOpenOrders(T0 + 2 * MINUTE)).filled).toEqual([oco.legs[0]!.id]);
    // gapped below the target: filled at the open 28900, maker; 2890 + 2.89
    expect(await f.exchange.fetchBalance()).toEqual([
      { asset: 'BTC', free: '0.1', locked: '0' },
      { asset: 'USDT', free: '7107.11', locked: '0' },
    ]);
  });

  it('keeps a stop-limit leg under the list after it fires, and fills it later', async () => {
    const f = await createPaperFixture(t.db);
    const oco = await protectedBuy(f, { stopPrice: '29000', stopLimitPrice: '28900' });
    f.at(T0 + MINUTE);
    f.price(28800);
    expect((await f.exchange.matchOpenOrders(T0 + 2 * MINUTE)).triggered).toEqual([oco.id]);
    expect(
      await statuses(
        f,
        oco.legs.map((l) => l.id),
      ),
    ).toEqual(['canceled', 'open']);
    expect((await f.exchange.fetchOco('BTC/USDT', { id: oco.id }))?.status).toBe('open');
    f.at(T0 + 2 * MINUTE + 10_000);
    f.price(28950);
    expect((await f.exchange.matchOpenOrders(T0 + 3 * MINUTE)).filled).toEqual([oco.legs[1]!.id]);
    expect((await f.exchange.fetchOco('BTC/USDT', { id: oco.id }))?.status).toBe('done');
    expect((await f.exchange.fetchBalance())[1]).toEqual({
      asset: 'USDT',
      free: '9884.11',
      locked: '0',
    });
  });

  it('cancels the whole list when one leg is canceled, and refuses a duplicate or misordered list', async () => {
    const f = await createPaperFixture(t.db);
    await buy(f);
    const request = {
      symbol: 'BTC/USDT',
      side: 'sell' as const,
      quantity: '0.1',
      takeProfitPrice: '31500',
      stopPrice: '28500',
      clientOcoId: id('o'),
    };
    const oco = await f.exchange.createOco(request);
    await expect(f.exchange.createOco(request)).rejects.toMatchObject({ code: 'invalid_order' });
    await expect(
      f.exchange.createOco({ ...request, clientOcoId: id('o'), stopPrice: '30500' }),
    ).rejects.toMatchObject({ code: 'invalid_order' });
    const leg = await f.exchange.cancelOrder('BTC/USDT', { id: oco.legs[1]!.id });
    expect(leg).toMatchObject({ id: oco.legs[1]!.id, status: 'canceled' });
    expect(
      await f.exchange.fetchOco('BTC/USDT', { clientOcoId: request.clientOcoId }),
    ).toMatchObject({ status: 'canceled', legs: [{ status: 'canceled' }, { status: 'canceled' }] });
    expect((await f.exchange.fetchBalance())[0]).toEqual({
      asset: 'BTC',
      free: '0.1',
      locked: '0',
    });
    await expect(f.exchange.cancelOco('BTC/USDT', { id: oco.id })).rejects.toMatchObject({
      code: 'order_not_found',
    });
  });
});

describe('paper accounts', () => {
  it('creates one paper account with its balance however many times it is ensured', async () => {
    const user = await insertUser(t.db, {
      email: `${randomUUID()}@example.com`,
      name: 'P',
      passwordHash: 'x',
    });
    const accounts = await Promise.all(
      Array.from({ length: 5 }, () =>
        ensurePaperAccount(t.db, user.id, { startingBalance: '2500' }),
      ),
    );
    expect(new Set(accounts.map((a) => a.id)).size).toBe(1);
    const again = await ensurePaperAccount(t.db, user.id, { startingBalance: '99' });
    expect(again.id).toBe(accounts[0]!.id);
    expect(await listExchangeAccounts(t.db, user.id)).toMatchObject([
      { venue: 'paper', isDefault: true, settings: { startingBalance: '2500', quote: 'USDT' } },
    ]);
    expect(await listPaperBalances(t.db, again.id)).toMatchObject([
      { asset: 'USDT', free: '2500.000000000000000000', locked: '0.000000000000000000' },
    ]);
  });

  it('resets: cancels everything, keeps history, and leaves only the starting balance', async () => {
    const f = await createPaperFixture(t.db);
    await buy(f);
    const open = await f.exchange.createOrder({
      symbol: 'BTC/USDT',
      side: 'buy',
      type: 'limit',
      quantity: '0.1',
      price: '29000',
      clientOrderId: id('l'),
    });
    const oco = await sellOco(f);
    await resetPaperAccount(t.db, f.accountId, '5000');
    expect(await f.exchange.fetchBalance()).toEqual([{ asset: 'USDT', free: '5000', locked: '0' }]);
    expect(await f.exchange.fetchOpenOrders()).toEqual([]);
    expect((await f.exchange.fetchOrder('BTC/USDT', { id: open.id }))?.status).toBe('canceled');
    expect((await f.exchange.fetchOco('BTC/USDT', { id: oco.id }))?.status).toBe('canceled');
    expect(await f.exchange.fetchMyTrades('BTC/USDT')).toHaveLength(1);
    expect((await findExchangeAccountById(t.db, f.accountId))?.settings.startingBalance).toBe(
      '5000',
    );
    await resetPaperAccount(t.db, f.accountId);
    expect(await f.exchange.fetchBalance()).toEqual([{ asset: 'USDT', free: '5000', locked: '0' }]);
    await expect(resetPaperAccount(t.db, randomUUID())).rejects.toMatchObject({ code: 'auth' });
  });
});
