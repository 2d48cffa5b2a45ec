import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db/test-database';
import { createTradingFixture, MINUTE, T0 } from '../../test/trading/trading-fixture';
import { insertOrderIntent } from '../db/queries/orders';
import { lockOpenPosition } from '../db/queries/positions';
import { orders, positions } from '../db/schema';
import type { Exchange } from '../exchange/types';
import { newClientOrderId } from './client-order-id';
import { executeSignal } from './execute-signal';
import { reconcileAccount } from './reconcile';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

/** A paper account at 30 000 with one open BTC/USDT position protected by a native OCO. */
async function openProtectedPosition() {
  const f = await createTradingFixture(t.db, { price: 30000 });
  const { signal } = await f.signal({ quoteAmount: '600', takeProfit: '33000', stopLoss: '27000' });
  expect(await executeSignal(f.deps, signal.id)).toMatchObject({ status: 'executed' });
  const [position] = await t.db.select().from(positions).where(eq(positions.signalId, signal.id));
  expect(position).toMatchObject({ status: 'open', protection: 'native_oco' });
  return { f, position: position! };
}

describe('an exit the worker sent but did not see filled', () => {
  it('is settled by reconciliation with the reason it was sent for', async () => {
    const { f, position } = await openProtectedPosition();

    // What closePosition does for a max-hold timeout, up to the moment the process dies: the
    // row is taken for closing, the protection cancelled, the exit intent committed and sent.
    f.at(T0 + 31 * MINUTE, 30100);
    expect(await lockOpenPosition(t.db, position.id, 'timeout')).toMatchObject({
      status: 'closing',
    });
    const exchange = await f.deps.exchangeFor(f.account);
    await exchange.cancelOco('BTC/USDT', { clientOcoId: position.ocoClientId! });
    const exit = await insertOrderIntent(t.db, {
      userId: f.user.id,
      exchangeAccountId: f.account.id,
      positionId: position.id,
      clientOrderId: newClientOrderId('exit'),
      symbol: 'BTC/USDT',
      side: 'sell',
      type: 'market',
      role: 'exit',
      source: 'strategy',
      quantity: position.quantity,
      createdAt: f.deps.now(),
      updatedAt: f.deps.now(),
    });
    await exchange.createOrder({
      symbol: 'BTC/USDT',
      side: 'sell',
      type: 'market',
      quantity: position.quantity,
      clientOrderId: exit.clientOrderId,
    });

    const differences = await reconcileAccount(f.deps, f.account, exchange);
    expect(differences.map((d) => d.kind)).toContain('exit_settled');
    const [closed] = await t.db.select().from(positions).where(eq(positions.id, position.id));
    expect(closed).toMatchObject({ status: 'closed', exitReason: 'timeout' });
    expect(Number(closed!.exitPrice)).toBeGreaterThan(29000);
  });
});

describe('reconciliation racing a close', () => {
  it('does not put protection back on a position whose close cancelled it during the pass', async () => {
    const { f, position } = await openProtectedPosition();
    const venue = await f.deps.exchangeFor(f.account);
    const oco = { clientOcoId: position.ocoClientId! };

    // The pass has read the position as open; before it looks at the OCO, a close (another
    // process) takes the position and cancels its OCO, as `closePosition` does before selling,
    // and the venue no longer lists the cancelled OCO.
    const racing: Exchange = Object.assign(Object.create(venue) as Exchange, {
      fetchOco: async (symbol: string, ref: { clientOcoId: string }) => {
        await lockOpenPosition(t.db, position.id, 'manual');
        await venue.cancelOco(symbol, ref);
        return null;
      },
    });
    const differences = await reconcileAccount(f.deps, f.account, racing);
    expect(differences.map((d) => d.kind)).not.toContain('protection_replaced');

    expect(await venue.fetchOco('BTC/USDT', oco)).toMatchObject({ status: 'canceled' });
    const [after] = await t.db.select().from(positions).where(eq(positions.id, position.id));
    expect(after).toMatchObject({ status: 'closing', protection: 'native_oco' });
    // So the close's market exit finds the base free, not locked by a new OCO.
    const exit = await venue.createOrder({
      symbol: 'BTC/USDT',
      side: 'sell',
      type: 'market',
      quantity: position.quantity,
      clientOrderId: newClientOrderId('exit'),
    });
    expect(exit.status).toBe('filled');
  });

  it('puts protection back, under a new client id, when the OCO was cancelled on the venue by hand', async () => {
    const { f, position } = await openProtectedPosition();
    const venue = await f.deps.exchangeFor(f.account);
    await venue.cancelOco('BTC/USDT', { clientOcoId: position.ocoClientId! });

    const differences = await reconcileAccount(f.deps, f.account, venue);
    expect(differences.map((d) => d.kind)).toEqual(['protection_replaced']);
    const [after] = await t.db.select().from(positions).where(eq(positions.id, position.id));
    expect(after).toMatchObject({ status: 'open', protection: 'native_oco' });
    expect(after!.ocoClientId).not.toBe(position.ocoClientId);
    const live = await venue.fetchOco('BTC/USDT', { clientOcoId: after!.ocoClientId! });
    expect(live).toMatchObject({ status: 'open', id: after!.ocoExchangeId });
    // the cancelled legs' records say so; the new legs are recorded open
    const legs = await t.db.select().from(orders).where(eq(orders.positionId, position.id));
    expect(
      legs
        .filter((o) => o.role !== 'entry')
        .map((o) => `${o.role}:${o.status}`)
        .sort(),
    ).toEqual(['stop_loss:canceled', 'stop_loss:open', 'take_profit:canceled', 'take_profit:open']);
    // a second pass finds it live and changes nothing
    expect(await reconcileAccount(f.deps, f.account, venue)).toEqual([]);
  });
});
