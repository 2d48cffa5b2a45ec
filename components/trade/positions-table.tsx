import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { NumTd, Table, Td, Th } from '@/components/ui/table';
import {
  formatDuration,
  formatPrice,
  formatQty,
  formatSignedMoney,
  formatSignedPercent,
  toneClass,
} from '@/lib/format';
import { ClosePositionButton } from './close-position-button';

export interface PositionRow {
  id: string;
  symbol: string;
  botId: string | null;
  status: 'open' | 'closing' | 'closed';
  quantity: string;
  entryPrice: string;
  takeProfit: string | null;
  stopLoss: string | null;
  protection: string;
  openedAt: Date;
  price: number | null;
  pnl: number | null;
  pnlPct: number | null;
}

/** Open positions with live P&L, their protection and a close button. */
export function PositionsTable({
  positions,
  botNames = {},
  now,
}: {
  positions: readonly PositionRow[];
  botNames?: Record<string, string>;
  now: number;
}) {
  if (positions.length === 0) {
    return (
      <EmptyState title="No open positions">
        Positions appear here when a bot or an order on the Trade page buys. Start a bot or place an
        order.
      </EmptyState>
    );
  }
  return (
    <Table label="Open positions">
      <thead>
        <tr>
          <Th>Symbol</Th>
          <Th>Source</Th>
          <Th className="text-right">Qty</Th>
          <Th className="text-right">Entry</Th>
          <Th className="text-right">Last</Th>
          <Th className="text-right">P&amp;L</Th>
          <Th className="text-right">TP / SL</Th>
          <Th>Held</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {positions.map((p) => (
          <tr key={p.id} data-testid="position-row">
            <Td className="font-medium text-slate-100">{p.symbol}</Td>
            <Td>
              {p.botId ? (
                <Link href={`/bots/${p.botId}`} className="text-accent hover:underline">
                  {botNames[p.botId] ?? 'bot'}
                </Link>
              ) : (
                <span className="text-slate-400">manual</span>
              )}
            </Td>
            <NumTd>{formatQty(p.quantity)}</NumTd>
            <NumTd>{formatPrice(p.entryPrice)}</NumTd>
            <NumTd>{formatPrice(p.price)}</NumTd>
            <NumTd className={toneClass(p.pnl)}>
              {formatSignedMoney(p.pnl)}{' '}
              <span className="text-xs">({formatSignedPercent(p.pnlPct)})</span>
            </NumTd>
            <NumTd className="text-xs">
              <span className="text-profit">{formatPrice(p.takeProfit)}</span> /{' '}
              <span className="text-loss">{formatPrice(p.stopLoss)}</span>
            </NumTd>
            <Td className="text-slate-400">{formatDuration(now - p.openedAt.getTime())}</Td>
            <Td className="text-right">
              {p.status === 'open' ? (
                <ClosePositionButton positionId={p.id} symbol={p.symbol} quantity={p.quantity} />
              ) : (
                <Badge tone="warn">closing</Badge>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
