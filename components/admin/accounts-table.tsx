import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, Td, Th } from '@/components/ui/table';
import type { AdminAccountRow } from '@/lib/db/queries/views/admin-accounts';
import { formatDateTime } from '@/lib/format';

/** Every user's exchange accounts. Keys are never read here: only whether some are stored. */
export function AccountsTable({ accounts }: { accounts: AdminAccountRow[] }) {
  if (accounts.length === 0)
    return (
      <EmptyState title="No exchange accounts yet">
        Each user gets a paper account on their first trade; live accounts are added in Settings.
      </EmptyState>
    );
  return (
    <Table label="Exchange accounts">
      <thead>
        <tr>
          <Th>Owner</Th>
          <Th>Account</Th>
          <Th>Venue</Th>
          <Th>API key</Th>
          <Th>Created</Th>
        </tr>
      </thead>
      <tbody>
        {accounts.map((a) => (
          <tr key={a.id}>
            <Td>{a.ownerEmail}</Td>
            <Td>
              {a.label} {a.isDefault && <Badge tone="info">default</Badge>}
            </Td>
            <Td>
              <Badge tone={a.venue === 'paper' ? 'neutral' : 'warn'}>
                {a.venue}
                {a.isTestnet ? ' testnet' : ''}
              </Badge>
            </Td>
            <Td className="font-mono text-slate-400">
              {a.venue === 'paper' ? 'none needed' : a.hasKeys ? '•••••••• (encrypted)' : 'missing'}
            </Td>
            <Td>{formatDateTime(a.createdAt)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
