import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, Td, Th } from '@/components/ui/table';
import type { AdminBotRow } from '@/lib/db/queries/views/admin-accounts';
import { formatDateTime } from '@/lib/format';

const statusTone = { running: 'profit', paused: 'warn', stopped: 'neutral' } as const;

/** Every user's bots, newest first. */
export function BotsTable({ bots }: { bots: AdminBotRow[] }) {
  if (bots.length === 0)
    return <EmptyState title="No bots yet">Traders create bots on the Bots page.</EmptyState>;
  return (
    <Table label="All bots">
      <thead>
        <tr>
          <Th>Bot</Th>
          <Th>Owner</Th>
          <Th>Market</Th>
          <Th>Strategy</Th>
          <Th>Status</Th>
          <Th>Last cycle</Th>
        </tr>
      </thead>
      <tbody>
        {bots.map((b) => (
          <tr key={b.id}>
            <Td className="font-medium text-slate-100">{b.name}</Td>
            <Td>{b.ownerEmail}</Td>
            <Td>
              {b.symbol}{' '}
              <span className="text-slate-500">
                {b.timeframe} · {b.venue}
              </span>
            </Td>
            <Td>
              <Badge tone={b.strategyKind === 'ai' ? 'info' : 'neutral'}>{b.strategyKind}</Badge>{' '}
              <span className="font-mono text-xs">{b.strategyId.slice(0, 24)}</span>
            </Td>
            <Td>
              <Badge tone={statusTone[b.status as keyof typeof statusTone] ?? 'neutral'}>
                {b.status}
              </Badge>
            </Td>
            <Td>{formatDateTime(b.lastCycleAt)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
