import { getServerSession } from 'next-auth';
import { getDb } from '../db';
import { findUserById } from '../db/queries/users';
import type { User, UserRole } from '../db/schema';
import { AppError } from '../errors/app-error';
import { authOptions } from './options';

/**
 * The signed-in user as the database has them now (a disabled account or a changed role takes
 * effect on the next request, whatever the JWT says), or null.
 */
export async function getCurrentUser(): Promise<User | null> {
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await findUserById(getDb(), id);
  return user && user.status === 'active' ? user : null;
}

/** The current user, or AppError `unauthenticated` / `forbidden` (when `role` is required). */
export async function requireUser(role?: UserRole): Promise<User> {
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthenticated');
  if (role && user.role !== role) throw new AppError('forbidden');
  return user;
}
