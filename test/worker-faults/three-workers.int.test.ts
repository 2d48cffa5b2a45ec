import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { botCycles, bots as botsTable, type BotCycle } from '../../lib/db/schema';
import { CYCLE_LEASE_MS } from '../../worker/jobs/bot-cycles';
import { createTestDatabase } from '../db/test-database';
import { startChildWorker, type ChildWorker } from './child-worker';
import { createPaperBots } from './paper-bots';

/** The run: 300 bots on 1-minute cycles for 5 minutes (five slots each). */
const BOTS = 300;
const INTERVAL_S = 60;
const INTERVAL_MS = INTERVAL_S * 1000;
const SLOTS = 5;
/** What the monitor's sweep writes on a cycle a dead worker left `running`. */
const LOST = 'The worker running this cycle stopped.';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const sleepUntil = (time: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, time - Date.now())));

describe('three workers share 300 running bots', () => {
  it('no slot runs twice, every slot runs, and a killed worker’s bots keep cycling', async () => {
    const firstSlot = Math.ceil((Date.now() + 12_000) / 1000) * 1000;
    const created = await createPaperBots(t.db, {
      users: 30,
      botsPerUser: BOTS / 30,
      intervalSeconds: INTERVAL_S,
      firstSlot: new Date(firstSlot),
    });
    // Bots started over a minute (as users start them): every worker finds due bots each tick.
    await t.db.execute(
      sql`update bots set next_cycle_at = next_cycle_at + (((abs(hashtext(id::text)) % ${INTERVAL_S})) || ' seconds')::interval where id in ${created.map((b) => b.id)}`,
    );
    const bots = await t.db
      .select()
      .from(botsTable)
      .where(
        inArray(
          botsTable.id,
          created.map((b) => b.id),
        ),
      );
    expect(bots).toHaveLength(BOTS);
    const env = {
      DATABASE_URL: t.url,
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      EXIT_MONITOR_INTERVAL_MS: '5000',
    };
    const workers: ChildWorker[] = ['a', 'b', 'c'].map((id) =>
      startChildWorker(['jobs'], { ...env, WORKER_ID: `worker-${id}` }),
    );
    try {
      // Two slots with three workers; kill worker c one second into the third, holding leases;
      // a and b run on to the end of the fifth slot (5 minutes in all).
      const killAt = firstSlot + 2 * INTERVAL_MS + 1_000;
      await sleepUntil(killAt);
      const killed = await workers[2]!.stop('SIGKILL');
      expect(killed.signal).toBe('SIGKILL');
      const resumeFrom = killAt + CYCLE_LEASE_MS;
      const end = firstSlot + SLOTS * INTERVAL_MS;
      await sleepUntil(end + 10_000);
      for (const worker of workers.slice(0, 2)) expect((await worker.stop('SIGTERM')).code).toBe(0);

      const cycles = await t.db
        .select()
        .from(botCycles)
        .where(
          inArray(
            botCycles.botId,
            bots.map((b) => b.id),
          ),
        );
      const byBot = new Map<string, BotCycle[]>();
      for (const cycle of cycles)
        byBot.set(cycle.botId, [...(byBot.get(cycle.botId) ?? []), cycle]);

      // Nothing failed; only the killed worker left cycles unfinished (running, or swept to an
      // error by the monitor once past their lease).
      const unfinished = cycles.filter((c) => c.outcome === 'running' || c.outcome === 'error');
      expect(
        unfinished.filter(
          (c) => c.workerId !== 'worker-c' || (c.outcome === 'error' && c.message !== LOST),
        ),
      ).toEqual([]);
      // All three workers did work.
      expect(new Set(cycles.map((c) => c.workerId))).toEqual(
        new Set(['worker-a', 'worker-b', 'worker-c']),
      );

      for (const bot of bots) {
        const own = (byBot.get(bot.id) ?? []).sort(
          (x, y) => x.slotAt.getTime() - y.slotAt.getTime(),
        );
        // Every slot of the run ran exactly once: the ones worker c held when it died were taken
        // over within the interval, except a cycle it was in the middle of (lost with it).
        const first = bot.nextCycleAt!.getTime();
        const slots = own
          .filter((c) => c.slotAt.getTime() < first + SLOTS * INTERVAL_MS)
          .map((c) => (c.slotAt.getTime() - first) / INTERVAL_MS);
        expect(slots, bot.id).toEqual([0, 1, 2, 3, 4].slice(0, slots.length));
        expect(slots.length, bot.id).toBeGreaterThanOrEqual(
          first + (SLOTS - 1) * INTERVAL_MS + 10_000 <= end ? SLOTS : SLOTS - 1,
        );
        // Never twice in one interval, never two at once.
        for (let i = 1; i < own.length; i += 1) {
          expect(own[i]!.slotAt.getTime() - own[i - 1]!.slotAt.getTime()).toBeGreaterThanOrEqual(
            INTERVAL_MS,
          );
          if (own[i - 1]!.finishedAt)
            expect(own[i]!.startedAt.getTime()).toBeGreaterThanOrEqual(
              own[i - 1]!.finishedAt!.getTime(),
            );
        }
        // After worker c died (and its leases expired), every bot kept cycling on a or b.
        const late = own.filter((c) => c.startedAt.getTime() >= resumeFrom);
        expect(late.length, bot.id).toBeGreaterThanOrEqual(1);
        expect(late.every((c) => c.workerId !== 'worker-c' && c.outcome !== 'running')).toBe(true);
        // A slot interrupted by the kill is lost, not run again: at most one per bot.
        expect(
          own.filter(
            (c) =>
              c.workerId === 'worker-c' &&
              c.outcome !== 'decided' &&
              c.outcome !== 'managed' &&
              c.outcome !== 'skipped',
          ).length,
        ).toBeLessThanOrEqual(1);
      }
    } finally {
      await Promise.all(workers.map((w) => w.stop('SIGKILL')));
    }
  }, 420_000);
});
