import { Badge, type BadgeTone } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { NumTd, Table, Td, Th } from '@/components/ui/table';
import type { BotCycle, Position } from '@/lib/db/schema';
import {
  formatDateTime,
  formatDuration,
  formatPrice,
  formatQty,
  formatSignedMoney,
  formatSignedPercent,
  formatTime,
  toneClass,
} from '@/lib/format';

const outcomeTone: Record<BotCycle['outcome'], BadgeTone> = {
  running: 'info',
  decided: 'profit',
  managed: 'info',
  skipped: 'neutral',
  error: 'loss',
};
const actionTone = (a: string | null): BadgeTone =>
  a === 'buy' ? 'profit' : a === 'sell' || a === 'close' ? 'loss' : 'neutral';

/** The bot's trades: entries with their exits, reason and realised P&L. */
export function BotTrades({ positions }: { positions: readonly Position[] }) {
  if (positions.length === 0)
    return (
      <EmptyState title="No trades yet">
        When the strategy decides to buy and the risk checks pass, the trade appears here.
      </EmptyState>
    );
  return (
    <Table label="Trades">
      <thead>
        <tr>
          <Th>Opened</Th>
          <Th>Status</Th>
          <Th className="text-right">Qty</Th>
          <Th className="text-right">Entry</Th>
          <Th className="text-right">Exit</Th>
          <Th>Reason</Th>
          <Th className="text-right">P&amp;L</Th>
          <Th>Held</Th>
        </tr>
      </thead>
      <tbody>
        {positions.map((p) => (
          <tr key={p.id} data-testid="trade-row">
            <Td className="font-mono text-xs text-slate-400">{formatDateTime(p.openedAt)}</Td>
            <Td>
              <Badge
                tone={p.status === 'open' ? 'info' : p.status === 'closing' ? 'warn' : 'neutral'}
              >
                {p.status}
              </Badge>
            </Td>
            <NumTd>{formatQty(p.quantity)}</NumTd>
            <NumTd>{formatPrice(p.entryPrice)}</NumTd>
            <NumTd>{formatPrice(p.exitPrice)}</NumTd>
            <Td className="text-slate-300">{p.exitReason?.replace('_', ' ') ?? '—'}</Td>
            <NumTd className={toneClass(p.realizedPnl)}>
              {formatSignedMoney(p.realizedPnl)}{' '}
              <span className="text-xs">
                {p.realizedPnlPct ? `(${formatSignedPercent(p.realizedPnlPct)})` : ''}
              </span>
            </NumTd>
            <Td className="text-slate-400">{formatDuration(p.durationMs)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** Every cycle: when, what it decided, how long it took and why. */
export function BotCycles({ cycles }: { cycles: readonly BotCycle[] }) {
  if (cycles.length === 0)
    return (
      <EmptyState title="No cycles yet">
        Start the bot: its first cycle runs at once, then once per interval.
      </EmptyState>
    );
  return (
    <Table label="Cycles">
      <thead>
        <tr>
          <Th>Time</Th>
          <Th>Outcome</Th>
          <Th>Decision</Th>
          <Th className="text-right">Took</Th>
          <Th>Reasoning</Th>
        </tr>
      </thead>
      <tbody>
        {cycles.map((c) => (
          <tr key={c.id} data-testid="cycle-row">
            <Td className="font-mono text-xs text-slate-400">{formatTime(c.startedAt)}</Td>
            <Td>
              <Badge tone={outcomeTone[c.outcome]}>{c.outcome}</Badge>
            </Td>
            <Td>
              {c.action ? (
                <Badge tone={actionTone(c.action)}>{c.action}</Badge>
              ) : (
                <span className="text-slate-500">—</span>
              )}
            </Td>
            <NumTd className="text-xs text-slate-400">
              {c.durationMs === null ? '—' : `${c.durationMs} ms`}
            </NumTd>
            <Td className="max-w-xl whitespace-normal text-xs text-slate-300">
              {c.message ?? '—'}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

const levelClass = {
  debug: 'text-slate-500',
  info: 'text-blue-300',
  warn: 'text-amber-300',
  error: 'text-loss',
} as const;

/** The bot's own log, newest first. */
export function BotLog({
  lines,
}: {
  lines: readonly { id: string; time: Date; level: keyof typeof levelClass; message: string }[];
}) {
  if (lines.length === 0)
    return <EmptyState title="The log is empty">Lines appear as the bot runs.</EmptyState>;
  return (
    <ol
      aria-label="Bot log"
      className="max-h-96 overflow-y-auto rounded-md bg-black/30 p-3 font-mono text-xs"
    >
      {lines.map((l) => (
        <li key={l.id} className="flex gap-3 py-0.5">
          <time className="shrink-0 text-slate-500">{formatTime(l.time)}</time>
          <span className={`w-10 shrink-0 uppercase ${levelClass[l.level]}`}>{l.level}</span>
          <span className="text-slate-200">{l.message}</span>
        </li>
      ))}
    </ol>
  );
}
