import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db/test-database';
import { createTradingFixture } from '../../test/trading/trading-fixture';
import { getSetting } from '../db/queries/settings';
import { insertSignal } from '../db/queries/signals';
import { insertUser } from '../db/queries/users';
import { paperBalances, positions, signals, systemLogs, users } from '../db/schema';
import { executeSignal } from '../trading/execute-signal';
import { exportEverything } from './export-everything';
import { healthSnapshot } from './health-snapshot';
import { setGlobalKillSwitch } from './kill-switch';
import { resetUserPassword } from './reset-password';
import { resetTradingData } from './reset-trading-data';
import { verifyPassword } from '../auth/password';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe('admin use cases', () => {
  it('snapshots health, exports without secrets, and resets trading data', async () => {
    const admin = await insertUser(t.db, {
      email: 'root@example.com',
      name: 'Root',
      passwordHash: 'secret-hash',
      role: 'admin',
    });
    const f = await createTradingFixture(t.db, { price: 30000 });
    const { signal } = await insertSignal(t.db, {
      userId: f.user.id,
      exchangeAccountId: f.account.id,
      source: 'manual',
      symbol: 'BTC/USDT',
      action: 'buy',
      quoteAmount: '600',
      takeProfit: '31000',
      stopLoss: '29500',
    });
    expect(await executeSignal(f.deps, signal.id)).toMatchObject({ status: 'executed' });

    await setGlobalKillSwitch(t.db, admin, true);
    const health = await healthSnapshot(t.db, new Date());
    expect(health.killSwitch).toBe(true);
    expect(health.databaseBytes).toBeGreaterThan(1_000_000);
    expect(health.queues.queuedSignals).toBe(0);
    expect(health.workers).toEqual([]);
    const logged = await t.db.select().from(systemLogs).where(eq(systemLogs.source, 'admin'));
    expect(logged.map((l) => l.message)).toContain(
      'root@example.com turned the global kill switch ON: new trades are blocked for everyone',
    );
    await setGlobalKillSwitch(t.db, admin, false);
    expect(await getSetting(t.db, 'kill_switch')).toBe(false);

    const { fileName, zip } = await exportEverything(t.db, admin, new Date('2026-11-21T20:00:00Z'));
    expect(fileName).toBe('osprey-export-2026-11-21-20-00-00.zip');
    const dir = mkdtempSync(path.join(tmpdir(), 'osprey-export-'));
    writeFileSync(path.join(dir, 'x.zip'), zip);
    // The system unzip validates every CRC and offset.
    expect(execFileSync('unzip', ['-tq', path.join(dir, 'x.zip')]).toString()).toContain(
      'No errors detected',
    );
    const manifest = JSON.parse(
      execFileSync('unzip', ['-p', path.join(dir, 'x.zip'), 'manifest.json']).toString(),
    ) as { tables: Record<string, number> };
    expect(manifest.tables).toMatchObject({ users: 2, signals: 1, positions: 1, orders: 3 });
    const usersCsv = execFileSync('unzip', [
      '-p',
      path.join(dir, 'x.zip'),
      'csv/users.csv',
    ]).toString();
    expect(usersCsv).toContain('root@example.com');
    expect(usersCsv).not.toContain('secret-hash');

    const summary = await resetTradingData(t.db, admin);
    expect(summary.deleted).toMatchObject({ signals: 1, positions: 1, orders: 3 });
    expect(summary.paperAccountsReset).toBe(1);
    expect(await t.db.select().from(signals)).toEqual([]);
    expect(await t.db.select().from(positions)).toEqual([]);
    const balances = await t.db
      .select()
      .from(paperBalances)
      .where(eq(paperBalances.accountId, f.account.id));
    expect(balances.map((b) => [b.asset, Number(b.free), Number(b.locked)])).toEqual([
      ['USDT', 10000, 0],
    ]);
  });

  it('resets another user password to a random one that verifies', async () => {
    const admin = await insertUser(t.db, {
      email: 'boss@example.com',
      name: 'Boss',
      passwordHash: 'x',
      role: 'admin',
    });
    const other = await insertUser(t.db, {
      email: 'someone@example.com',
      name: 'Someone',
      passwordHash: 'x',
    });
    const { password } = await resetUserPassword(t.db, admin, other.id);
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const [row] = await t.db.select().from(users).where(eq(users.id, other.id));
    expect(await verifyPassword(row!.passwordHash, password)).toBe(true);
    await expect(resetUserPassword(t.db, admin, admin.id)).rejects.toThrow(
      'Change your own password in Settings.',
    );
  });
});
