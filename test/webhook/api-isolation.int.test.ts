import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAccessTokens } from '../../lib/db/queries/access-tokens';
import { orders, signals } from '../../lib/db/schema';
import { AppError } from '../../lib/errors/app-error';
import {
  accessTokenView,
  createAccessToken,
  revokeAccessToken,
  userFromAccessToken,
} from '../../lib/signals/access-tokens';
import { orderInput } from '../../lib/signals/order-input';
import {
  cancelUserOrder,
  getUserOrderOrThrow,
  listUserOrders,
  orderListQuery,
  refreshUserOrder,
} from '../../lib/signals/orders-api';
import { previewOrder } from '../../lib/signals/preview-order';
import { signalLog, signalLogQuery, signalsCsv, tradesCsv } from '../../lib/signals/signal-exports';
import { submitOrder } from '../../lib/signals/submit-order';
import { tradingStatus } from '../../lib/signals/trading-status';
import { closeUserPosition } from '../../lib/trading/close-user-position';
import { createTestDatabase } from '../db/test-database';
import { createWebhookFixture, validAlert } from './webhook-fixture';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const order = (o: Record<string, unknown>) =>
  orderInput.parse({ symbol: 'BTC/USDT', side: 'buy', ...o });
const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );
const text = async (stream: ReadableStream<Uint8Array>) =>
  new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());

describe('orders API, manual orders and isolation between users', () => {
  it('executes manual and API orders through the risk engine, idempotently, with every rule result', async () => {
    const a = await createWebhookFixture(t.db);
    const rejected = await submitOrder(
      a.deps,
      a.user.id,
      order({ quantity: '0.00000001' }),
      'manual',
    );
    expect(rejected).toMatchObject({
      decision: 'rejected',
      order: null,
      reason: expect.stringMatching(/below the market minimum/),
    });
    const outcome = await submitOrder(
      a.deps,
      a.user.id,
      order({ quantity: '0.01', takeProfit: '31000', stopLoss: '29500', clientRequestId: 'r-1' }),
      'api',
    );
    expect(outcome).toMatchObject({
      decision: 'executed',
      replayed: false,
      order: { role: 'entry', status: 'filled', source: 'api' },
    });
    expect(outcome.riskResults.length).toBeGreaterThan(10);
    const again = await submitOrder(
      a.deps,
      a.user.id,
      order({ quantity: '0.01', clientRequestId: 'r-1' }),
      'api',
    );
    expect(again).toMatchObject({
      replayed: true,
      signalId: outcome.signalId,
      order: { id: outcome.order!.id },
    });
    expect(
      await t.db.select().from(orders).where(eq(orders.signalId, outcome.signalId)),
    ).toHaveLength(3);
  });

  it('previews the risk check and size without storing a signal or placing an order', async () => {
    const a = await createWebhookFixture(t.db);
    const preview = await previewOrder(
      a.deps,
      a.user.id,
      order({ quoteAmount: '300', stopLoss: '29000' }),
    );
    expect(preview).toMatchObject({
      symbol: 'BTC/USDT',
      approved: true,
      tradingState: 'active',
      price: 30000,
      size: { ok: true, quantity: '0.01000' },
    });
    expect(preview.results.every((r) => r.status !== 'failed')).toBe(true);
    expect(await t.db.select().from(signals).where(eq(signals.userId, a.user.id))).toHaveLength(0);
  });

  it('cancels and refreshes a resting limit entry', async () => {
    const a = await createWebhookFixture(t.db);
    const placed = await submitOrder(
      a.deps,
      a.user.id,
      order({ type: 'limit', price: '25000', quantity: '0.01' }),
      'api',
    );
    expect(placed.order).toMatchObject({ status: 'open' });
    expect(await refreshUserOrder(a.deps, a.user.id, placed.order!.id)).toMatchObject({
      status: 'open',
    });
    expect(await cancelUserOrder(a.deps, a.user.id, placed.order!.id)).toMatchObject({
      status: 'canceled',
    });
    expect(await code(cancelUserOrder(a.deps, a.user.id, placed.order!.id))).toBe('conflict');
  });

  it("never lets user A's tokens or ids read or act on user B's data", async () => {
    const a = await createWebhookFixture(t.db);
    const b = await createWebhookFixture(t.db);
    const bOrder = await submitOrder(
      b.deps,
      b.user.id,
      order({ quantity: '0.01', stopLoss: '29000', takeProfit: '32000' }),
      'api',
    );
    const bPositionId = bOrder.order!.positionId!;
    const bSignal = await b.post(JSON.stringify(validAlert(b.now(), { alert_id: 'b-1' })));
    expect(bSignal.status).toBe(202);

    // Orders, positions, signals by id: not found for A.
    expect(await code(getUserOrderOrThrow(a.deps, a.user.id, bOrder.order!.id))).toBe('not_found');
    expect(await code(cancelUserOrder(a.deps, a.user.id, bOrder.order!.id))).toBe('not_found');
    expect(await code(refreshUserOrder(a.deps, a.user.id, bOrder.order!.id))).toBe('not_found');
    expect(await code(closeUserPosition(a.deps, a.user.id, bPositionId))).toBe('not_found');
    expect((await listUserOrders(a.deps, a.user.id, orderListQuery.parse({}))).items).toEqual([]);
    expect((await signalLog(t.db, a.user.id, signalLogQuery.parse({}))).items).toEqual([]);
    expect(await text(signalsCsv(t.db, { userId: a.user.id }))).toBe(
      '\uFEFFDateTime,TradingPair,Action,Strategy,TimeFrame,Confidence,Source,Decision,Reason\r\n',
    );
    expect((await tradingStatus(t.db, a.user.id, a.deps.now())).openPositions).toBe(0);

    // A webhook alert with B's token lands with B, never A.
    const [stored] = await t.db
      .select()
      .from(signals)
      .where(eq(signals.id, bSignal.body.signalId as string));
    expect(stored).toMatchObject({ userId: b.user.id, exchangeAccountId: b.account.id });

    // Access tokens: the owner, the scope, revocation.
    const readOnly = await createAccessToken(
      t.db,
      a.user.id,
      { label: 'read', scopes: ['read'] },
      a.deps.now(),
    );
    expect(
      (await userFromAccessToken(t.db, `Bearer ${readOnly.token}`, 'read', a.deps.now()))?.id,
    ).toBe(a.user.id);
    expect(
      await code(userFromAccessToken(t.db, `Bearer ${readOnly.token}`, 'trade', a.deps.now())),
    ).toBe('forbidden');
    expect(await code(revokeAccessToken(t.db, b.user.id, readOnly.view.id, a.deps.now()))).toBe(
      'not_found',
    );
    await revokeAccessToken(t.db, a.user.id, readOnly.view.id, a.deps.now());
    expect(
      await code(userFromAccessToken(t.db, `Bearer ${readOnly.token}`, 'read', a.deps.now())),
    ).toBe('unauthenticated');
    expect(await code(userFromAccessToken(t.db, 'Bearer osp_forged', 'read', a.deps.now()))).toBe(
      'unauthenticated',
    );
    expect(await userFromAccessToken(t.db, null, 'read', a.deps.now())).toBeNull();
    const [row] = await listAccessTokens(t.db, a.user.id);
    expect(accessTokenView(row!)).not.toHaveProperty('tokenHash');
    expect(readOnly.view.prefix).toBe(readOnly.token.slice(0, 10));

    // B's own views see B's data.
    expect(
      (await listUserOrders(b.deps, b.user.id, orderListQuery.parse({}))).items.length,
    ).toBeGreaterThanOrEqual(3);
    expect(await tradingStatus(t.db, b.user.id, b.deps.now())).toMatchObject({
      openPositions: 1,
      tradesToday: 1,
      tradingState: 'active',
    });
  });

  it('exports signals and trades as CSV with formula injection neutralised, paged by cursor', async () => {
    const a = await createWebhookFixture(t.db);
    for (let i = 0; i < 3; i += 1) {
      await a.post(
        JSON.stringify(
          validAlert(a.now(), {
            alert_id: `csv-${i}`,
            strategy: i === 0 ? '=HYPERLINK("http://evil")' : '+cmd|calc',
            contracts: '0.001',
          }),
        ),
      );
    }
    const csv = await text(signalsCsv(t.db, { userId: a.user.id }));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain(`'+cmd|calc`);
    expect(lines.find((l) => l.includes('cmd'))).toMatch(
      /^\d{4}-\d{2}-\d{2}T[^,]*,BTC\/USDT,buy,'\+cmd\|calc,60,,tradingview,queued,$/,
    );

    const first = await signalLog(t.db, a.user.id, signalLogQuery.parse({ limit: 2 }));
    expect(first.items).toHaveLength(2);
    const second = await signalLog(
      t.db,
      a.user.id,
      signalLogQuery.parse({ limit: 2, cursor: first.nextCursor }),
    );
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((s) => s.id)).size).toBe(3);

    const placed = await submitOrder(
      a.deps,
      a.user.id,
      order({ quantity: '0.01', stopLoss: '29000', takeProfit: '31000' }),
      'manual',
    );
    await closeUserPosition(a.deps, a.user.id, placed.order!.positionId!);
    const trades = (await text(tradesCsv(t.db, { userId: a.user.id }))).trimEnd().split('\r\n');
    expect(trades[0]).toBe(
      '\uFEFFDateTime,TradingPair,Action,TradeAmount,Price,Fees,PnL,OrderID,Status,ExitReason',
    );
    const exit = trades.find((l) => l.includes(',sell,') && l.includes(',filled,'));
    expect(exit).toMatch(/,BTC\/USDT,sell,0\.01,30000,[\d.]+,-?[\d.]+,[^,]+,filled,manual$/);
  });
});
