import { asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { users, type NewUser, type User, type UserRole } from '../schema';

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const rows = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return rows[0];
}

export async function findUserById(db: Db, id: string): Promise<User | undefined> {
  const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0];
}

export async function countUsers(db: Db): Promise<number> {
  const rows = await db.select({ n: count() }).from(users);
  return rows[0]?.n ?? 0;
}

export async function listUsers(db: Db): Promise<User[]> {
  return db.select().from(users).orderBy(asc(users.createdAt));
}

export async function insertUser(db: Db, user: NewUser): Promise<User> {
  const rows = await db.insert(users).values(user).returning();
  return rows[0]!;
}

export async function updateUser(
  db: Db,
  id: string,
  patch: Partial<{ role: UserRole; status: 'active' | 'disabled'; name: string }>,
): Promise<User | undefined> {
  const rows = await db
    .update(users)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return rows[0];
}
