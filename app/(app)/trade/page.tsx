import { TradingBanners } from '@/components/dashboard/banners';
import { LiveRefresh } from '@/components/dashboard/live-refresh';
import { CancelOrderButton } from '@/components/trade/cancel-order-button';
import { OrderTicket } from '@/components/trade/order-ticket';
import { PositionsTable } from '@/components/trade/positions-table';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { NumTd, Table, Td, Th } from '@/components/ui/table';
import { Toaster } from '@/components/ui/toast';
import { requireUser } from '@/lib/auth/current-user';
import { listUserBots } from '@/lib/db/queries/bots';
import { findDefaultExchangeAccount } from '@/lib/db/queries/exchange-accounts';
import { ensurePaperAccount } from '@/lib/db/queries/paper';
import { openPositions } from '@/lib/db/queries/positions';
import { openOrdersView, recentOrdersView } from '@/lib/db/queries/views/bot-detail';
import type { Order } from '@/lib/db/schema';
import { formatPrice, formatQty, formatTime } from '@/lib/format';
import { getTrading } from '@/lib/trading/runtime';
import { loadAccounts, loadBanners, loadPrices } from '../dashboard/load-market';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Trade' };

const statusTone = (s: Order['status']) =>
  s === 'filled'
    ? 'profit'
    : s === 'rejected' || s === 'unknown'
      ? 'loss'
      : s === 'canceled' || s === 'expired'
        ? 'neutral'
        : 'info';

export default async function TradePage() {
  const user = await requireUser();
  const db = getTrading().deps.db;
  const fallback =
    (await findDefaultExchangeAccount(db, user.id)) ?? (await ensurePaperAccount(db, user.id));
  const [accounts, positions, openOrders, recent, bots, banners] = await Promise.all([
    loadAccounts(user.id),
    openPositions(db, { userId: user.id }),
    openOrdersView(db, user.id),
    recentOrdersView(db, user.id),
    listUserBots(db, user.id),
    loadBanners(user.id),
  ]);
  const prices = await loadPrices(
    accounts,
    positions.map((p) => ({ accountId: p.exchangeAccountId, symbol: p.symbol })),
  );
  const rows = positions.map((p) => {
    const price = prices[`${p.exchangeAccountId}|${p.symbol}`] ?? null;
    const pnl = price === null ? null : Number(p.quantity) * price - Number(p.entryCost);
    return { ...p, price, pnl, pnlPct: pnl === null ? null : (pnl / Number(p.entryCost)) * 100 };
  });
  const ordered = [fallback, ...accounts.filter((a) => a.id !== fallback.id)];
  const now = Date.now();
  return (
    <div className="space-y-6">
      <LiveRefresh />
      <Toaster />
      <div>
        <h1 className="text-2xl font-bold text-slate-100">Trade</h1>
        <p className="text-sm text-slate-400">
          Manual orders go through the same risk checks and order path as bots.
        </p>
      </div>
      <TradingBanners {...banners} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[22rem_1fr]">
        <Card title="Order ticket">
          <OrderTicket
            accounts={ordered.map((a) => ({ id: a.id, label: `${a.label} (${a.venue})` }))}
          />
        </Card>
        <div className="min-w-0 space-y-6">
          <Card title={`Positions (${rows.length})`}>
            <PositionsTable
              positions={rows}
              botNames={Object.fromEntries(bots.map((b) => [b.id, b.name]))}
              now={now}
            />
          </Card>
          <Card title={`Open orders (${openOrders.length})`}>
            {openOrders.length === 0 ? (
              <EmptyState title="No open orders">
                Limit orders that have not filled and protection legs rest here.
              </EmptyState>
            ) : (
              <OrdersTable orders={openOrders} cancellable />
            )}
          </Card>
          <Card title="Recent orders">
            {recent.length === 0 ? (
              <EmptyState title="No orders yet">
                Use the ticket to place your first paper order.
              </EmptyState>
            ) : (
              <OrdersTable orders={recent} />
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}

function OrdersTable({
  orders,
  cancellable = false,
}: {
  orders: readonly Order[];
  cancellable?: boolean;
}) {
  return (
    <Table label={cancellable ? 'Open orders' : 'Recent orders'}>
      <thead>
        <tr>
          <Th>Time</Th>
          <Th>Symbol</Th>
          <Th>Side</Th>
          <Th>Type</Th>
          <Th className="text-right">Qty</Th>
          <Th className="text-right">Price</Th>
          <Th>Status</Th>
          {cancellable && (
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          )}
        </tr>
      </thead>
      <tbody>
        {orders.map((o) => (
          <tr key={o.id}>
            <Td className="font-mono text-xs text-slate-400">{formatTime(o.createdAt)}</Td>
            <Td className="text-slate-100">{o.symbol}</Td>
            <Td className={o.side === 'buy' ? 'text-profit' : 'text-loss'}>{o.side}</Td>
            <Td>
              {o.type}
              <span className="block text-xs text-slate-500">{o.role.replace('_', ' ')}</span>
            </Td>
            <NumTd>
              {formatQty(o.filledQuantity)} / {formatQty(o.quantity)}
            </NumTd>
            <NumTd>{formatPrice(o.averagePrice ?? o.price ?? o.stopPrice)}</NumTd>
            <Td>
              <Badge tone={statusTone(o.status)}>{o.status}</Badge>
            </Td>
            {cancellable && (
              <Td>
                {o.role === 'entry' && (
                  <CancelOrderButton
                    orderId={o.id}
                    label={`${o.side} ${formatQty(o.quantity)} ${o.symbol} at ${formatPrice(o.price)}`}
                  />
                )}
              </Td>
            )}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
