import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db/test-database';
import { createDb, type DbHandle } from './client';
import { MAX_PREPARED_PARAMETERS } from './prepared-statements';
import { appSettings } from './schema';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let one: DbHandle;
beforeAll(async () => {
  t = await createTestDatabase();
  one = createDb(t.url, { max: 1 }); // one connection: its prepared statements are the pool's
});
afterAll(async () => {
  await one.close();
  await t.drop();
});

/** The statements prepared on the pool's one connection whose text mentions `marker`. */
async function preparedWith(marker: string): Promise<string[]> {
  const rows = await one.sql<{ statement: string }[]>`
    select statement from pg_prepared_statements where statement like ${`%${marker}%`}`;
  return rows.map((r) => r.statement);
}

describe('drizzle queries as prepared statements', () => {
  it('prepares a parameterised query once and reuses it, in and outside transactions', async () => {
    const read = (key: string) =>
      one.db.select().from(appSettings).where(eq(appSettings.key, key)).limit(1);
    await read('a');
    await read('b');
    await one.db.transaction(async (tx) => {
      await tx.select().from(appSettings).where(eq(appSettings.key, 'c')).limit(1);
      await tx.transaction(async (inner) => {
        await inner.execute(sql`select ${'d'}::text as prepared_in_savepoint`);
      });
    });
    const statements = await preparedWith('"app_settings"."key" = $1');
    expect(statements).toHaveLength(1);
    expect(await preparedWith('prepared_in_savepoint')).toHaveLength(1);
  });

  it('keeps queries with many parameters unnamed (bulk writes vary in length)', async () => {
    const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}`);
    await one.db
      .select()
      .from(appSettings)
      .where(inArray(appSettings.key, keys(3)));
    await one.db
      .select()
      .from(appSettings)
      .where(inArray(appSettings.key, keys(MAX_PREPARED_PARAMETERS + 1)));
    const statements = await preparedWith('"app_settings"."key" in (');
    expect(statements).toHaveLength(1);
    expect(statements[0]).toContain('$3)');
  });

  it('reads back what it wrote, and a statement that failed leaves the connection usable', async () => {
    await one.db.insert(appSettings).values({ key: 'prepared_check', value: { on: true } });
    const rows = await one.db
      .select()
      .from(appSettings)
      .where(eq(appSettings.key, 'prepared_check'));
    expect(rows.map((r) => r.value)).toEqual([{ on: true }]);
    await expect(
      one.db.insert(appSettings).values({ key: 'prepared_check', value: { on: false } }),
    ).rejects.toThrow();
    const again = await one.db
      .select()
      .from(appSettings)
      .where(eq(appSettings.key, 'prepared_check'));
    expect(again.map((r) => r.value)).toEqual([{ on: true }]);
  });
});
