import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db/test-database';
import { setSetting } from '../db/queries/settings';
import { countUsers, listUsers } from '../db/queries/users';
import type { AppError } from '../errors/app-error';
import { createFirstAdmin, registerTrader } from './accounts';
import { changeUser } from './user-admin';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const account = (email: string) => ({
  name: email.split('@')[0]!,
  email,
  password: 'long enough password',
});

describe('accounts', () => {
  it('creates exactly one first admin even when setups race', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => createFirstAdmin(t.db, account(`admin${i}@example.com`))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') expect((r.reason as AppError).code).toBe('setup_done');
    }
    const users = await listUsers(t.db);
    expect(users.map((u) => u.role)).toEqual(['admin']);
    expect(users[0]!.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('refuses registration while it is closed and writes nothing', async () => {
    await expect(registerTrader(t.db, account('tom@example.com'))).rejects.toMatchObject({
      code: 'registration_closed',
    });
    expect(await countUsers(t.db)).toBe(1);
  });

  it('registers traders while it is open, one account per email', async () => {
    await setSetting(t.db, 'registration_open', true);
    const tom = await registerTrader(t.db, account('tom@example.com'));
    expect(tom.role).toBe('trader');
    await expect(registerTrader(t.db, account('TOM@example.com'))).rejects.toMatchObject({
      code: 'email_taken',
    });
    expect(await countUsers(t.db)).toBe(2);
  });

  it('lets an admin change others but never themselves', async () => {
    const [admin, tom] = await listUsers(t.db);
    await expect(changeUser(t.db, admin!, admin!.id, { role: 'trader' })).rejects.toMatchObject({
      code: 'unprocessable',
    });
    const updated = await changeUser(t.db, admin!, tom!.id, { status: 'disabled' });
    expect(updated.status).toBe('disabled');
  });
});
