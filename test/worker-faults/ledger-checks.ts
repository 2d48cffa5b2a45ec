import type { FakeBinance } from '../fake-binance';
import { isOpenStatus, type LedgerOrder, type LedgerOrderList } from '../fake-binance/ledger-types';

/** What the fake venue's ledger holds, in the terms the fault tests assert on. */
export interface LedgerView {
  entries: LedgerOrder[];
  liveOcos: LedgerOrderList[];
  /** Base held (free + locked) and how much of it the live OCOs lock. */
  baseHeld: string;
  baseLocked: string;
  clientOrderIds: string[];
}

export function ledgerView(fake: FakeBinance, base = 'BTC'): LedgerView {
  const orders = fake.orders();
  const byId = new Map(orders.map((o) => [o.orderId, o]));
  const liveOcos = fake.orderLists().filter((list) =>
    list.orderIds.some((id) => {
      const leg = byId.get(id);
      return leg !== undefined && isOpenStatus(leg.status);
    }),
  );
  const balance = fake.balance(base);
  return {
    entries: orders.filter((o) => o.side === 'BUY' && o.orderListId === -1),
    liveOcos,
    baseHeld: (Number(balance.free) + Number(balance.locked)).toFixed(8),
    baseLocked: Number(balance.locked).toFixed(8),
    clientOrderIds: orders.map((o) => o.clientOrderId),
  };
}
