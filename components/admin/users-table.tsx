import { Badge } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';
import type { User } from '@/lib/db/schema';
import { formatDateTime } from '@/lib/format';
import { UserRowActions } from './user-row-actions';

/** Users with their role and status; an admin cannot change their own row here. */
export function UsersTable({ users, currentUserId }: { users: User[]; currentUserId: string }) {
  return (
    <Table label="Users">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Email</Th>
          <Th>Role</Th>
          <Th>Status</Th>
          <Th>Joined</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <tr key={u.id}>
            <Td className="font-medium text-slate-100">{u.name}</Td>
            <Td>{u.email}</Td>
            <Td>
              <Badge tone={u.role === 'admin' ? 'info' : 'neutral'}>{u.role}</Badge>
            </Td>
            <Td className={u.status === 'active' ? 'text-profit' : 'text-loss'}>{u.status}</Td>
            <Td className="text-slate-400">{formatDateTime(u.createdAt)}</Td>
            <Td>
              {u.id === currentUserId ? (
                <span className="text-slate-500">you</span>
              ) : (
                <UserRowActions
                  user={{ id: u.id, role: u.role, status: u.status, email: u.email }}
                />
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
