import type { Db } from '../db/client';
import { logSystem } from '../log/system-log';
import { setSetting } from '../db/queries/settings';
import { findUserById, updateUser } from '../db/queries/users';
import type { User, UserRole } from '../db/schema';
import { AppError } from '../errors/app-error';
import { disconnectUser } from '../realtime/emitter';

/** Opens or closes self-registration. */
export async function setRegistrationOpen(db: Db, actor: User, open: boolean): Promise<void> {
  await setSetting(db, 'registration_open', open);
  await logSystem(db, {
    level: 'info',
    source: 'admin',
    message: `${actor.email} ${open ? 'opened' : 'closed'} registration`,
  });
}

/**
 * Changes another user's role or status. Admins cannot change their own account here, so the
 * last admin can never lock everyone out.
 */
export async function changeUser(
  db: Db,
  actor: User,
  userId: string,
  patch: { role?: UserRole; status?: 'active' | 'disabled' },
): Promise<User> {
  if (userId === actor.id)
    throw new AppError('unprocessable', 'You cannot change your own role or status.');
  const target = await findUserById(db, userId);
  if (!target) throw new AppError('not_found', 'No such user.');
  const updated = await updateUser(db, userId, patch);
  if (!updated) throw new AppError('not_found', 'No such user.');
  // Open live connections are dropped and must re-authenticate against the new row.
  void disconnectUser(userId);
  await logSystem(db, {
    level: 'info',
    source: 'admin',
    message: `${actor.email} changed ${target.email}: ${JSON.stringify(patch)}`,
  });
  return updated;
}
