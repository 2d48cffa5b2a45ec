import { RegistrationToggle } from '@/components/admin/registration-toggle';
import { UserRowActions } from '@/components/admin/user-row-actions';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { getCurrentUser } from '@/lib/auth/current-user';
import { getDb } from '@/lib/db';
import { getSetting } from '@/lib/db/queries/settings';
import { listUsers } from '@/lib/db/queries/users';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Admin' };

export default async function AdminPage() {
  const user = await getCurrentUser();
  if (user?.role !== 'admin') {
    return <Alert tone="error">Admins only: you do not have access to this page.</Alert>;
  }
  const db = getDb();
  const [users, registrationOpen] = await Promise.all([listUsers(db), getSetting(db, 'registration_open')]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-slate-100">Admin</h1>
      <Card title="Registration">
        <RegistrationToggle open={registrationOpen} />
      </Card>
      <Card title={`Users (${users.length})`}>
        <table className="w-full text-left text-sm">
          <thead className="text-slate-400">
            <tr>
              <th className="py-2">Name</th>
              <th>Email</th>
              <th>Role</th>
              <th>Status</th>
              <th className="sr-only">Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-t border-surface-border">
                <td className="py-2">{u.name}</td>
                <td>{u.email}</td>
                <td>{u.role}</td>
                <td className={u.status === 'active' ? 'text-profit' : 'text-loss'}>{u.status}</td>
                <td>{u.id === user.id ? <span className="text-slate-500">you</span> : <UserRowActions user={u} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
