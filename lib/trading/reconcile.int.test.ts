import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db/test-database';
import { createTradingFixture } from '../../test/trading/trading-fixture';
import { lockOpenPosition } from '../db/queries/positions';
import { positions } from '../db/schema';
import type { Exchange } from '../exchange/types';
import { newClientOrderId } from './client-order-id';
import { executeSignal } from './execute-signal';
import { reconcileAccount } from './reconcile';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe('reconciliation racing a close', () => {
  it('does not put protection back on a position whose close cancelled it during the pass', async () => {
    const f = await createTradingFixture(t.db, { price: 30000 });
    const { signal } = await f.signal({
      quoteAmount: '600',
      takeProfit: '33000',
      stopLoss: '27000',
    });
    expect(await executeSignal(f.deps, signal.id)).toMatchObject({ status: 'executed' });
    const [position] = await t.db.select().from(positions).where(eq(positions.signalId, signal.id));
    expect(position).toMatchObject({ status: 'open', protection: 'native_oco' });
    const venue = await f.deps.exchangeFor(f.account);
    const oco = { clientOcoId: position!.ocoClientId! };

    // The pass has read the position as open; before it looks at the OCO, a close (another
    // process) takes the position and cancels its OCO, as `closePosition` does before selling,
    // and the venue no longer lists the cancelled OCO.
    const racing: Exchange = Object.assign(Object.create(venue) as Exchange, {
      fetchOco: async (symbol: string, ref: { clientOcoId: string }) => {
        await lockOpenPosition(t.db, position!.id, 'manual');
        await venue.cancelOco(symbol, ref);
        return null;
      },
    });
    const differences = await reconcileAccount(f.deps, f.account, racing);
    expect(differences.map((d) => d.kind)).not.toContain('protection_replaced');

    expect(await venue.fetchOco('BTC/USDT', oco)).toMatchObject({ status: 'canceled' });
    const [after] = await t.db.select().from(positions).where(eq(positions.id, position!.id));
    expect(after).toMatchObject({ status: 'closing', protection: 'native_oco' });
    // So the close's market exit finds the base free, not locked by a new OCO.
    const exit = await venue.createOrder({
      symbol: 'BTC/USDT',
      side: 'sell',
      type: 'market',
      quantity: position!.quantity,
      clientOrderId: newClientOrderId('exit'),
    });
    expect(exit.status).toBe('filled');
  });
});
