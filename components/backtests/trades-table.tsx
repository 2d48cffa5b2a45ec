import type { BacktestTrade } from '@/lib/core/backtest';
import {
  formatDateTime,
  formatMoney,
  formatPrice,
  formatQty,
  formatSignedMoney,
  formatSignedPercent,
  toneClass,
} from '@/lib/format';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { NumTd, Table, Td, Th } from '@/components/ui/table';

const reasonTone: Record<string, BadgeTone> = {
  take_profit: 'profit',
  stop_loss: 'loss',
  signal: 'info',
  end_of_data: 'neutral',
  timeout: 'warn',
};

/** Every closed trade of a run: entry and exit, size, fees, P&L and why it ended. */
export function TradesTable({ trades }: { trades: readonly BacktestTrade[] }) {
  if (trades.length === 0) {
    return (
      <EmptyState title="No trades">
        The strategy never entered in this range. Try a longer range or other parameters.
      </EmptyState>
    );
  }
  return (
    <Table label="Trades">
      <thead>
        <tr>
          <Th>#</Th>
          <Th>Entry</Th>
          <Th className="text-right">Entry price</Th>
          <Th>Exit</Th>
          <Th className="text-right">Exit price</Th>
          <Th className="text-right">Quantity</Th>
          <Th className="text-right">Fees</Th>
          <Th className="text-right">P&amp;L</Th>
          <Th className="text-right">P&amp;L %</Th>
          <Th className="text-right">Bars</Th>
          <Th>Exit reason</Th>
        </tr>
      </thead>
      <tbody>
        {trades.map((t) => (
          <tr key={t.id}>
            <NumTd className="text-left text-slate-500">{t.id}</NumTd>
            <Td className="whitespace-nowrap text-slate-300">{formatDateTime(t.entryTime)}</Td>
            <NumTd>{formatPrice(t.entryPrice)}</NumTd>
            <Td className="whitespace-nowrap text-slate-300">{formatDateTime(t.exitTime)}</Td>
            <NumTd>{formatPrice(t.exitPrice)}</NumTd>
            <NumTd>{formatQty(t.quantity)}</NumTd>
            <NumTd className="text-slate-400">{formatMoney(t.fees)}</NumTd>
            <NumTd className={toneClass(t.pnl)}>{formatSignedMoney(t.pnl)}</NumTd>
            <NumTd className={toneClass(t.pnlPct)}>{formatSignedPercent(t.pnlPct)}</NumTd>
            <NumTd>{t.barsHeld}</NumTd>
            <Td>
              <Badge tone={reasonTone[t.exitReason] ?? 'neutral'}>
                {t.exitReason.replace(/_/g, ' ')}
              </Badge>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
