import { and, gte, lt } from 'drizzle-orm';
import type { Db } from '../lib/db/client';
import { botCycles } from '../lib/db/schema';
import type { ChildExit } from '../test/worker-faults/child-worker';

export interface PhaseReport {
  workers: number;
  cycles: number;
  errors: number;
  /** Per slot: seconds from the slot to the last of its cycles finishing. */
  drainSeconds: number[];
  /** Cycles per minute while a slot was being drained (capacity, not the schedule's rate). */
  cyclesPerMinute: number;
  p50: number;
  p95: number;
  /** p95 of `finished_at - started_at` (the start statement through the finish statement). */
  p95Wall: number;
  /** Cycles that placed or closed a position (they take the order path). */
  trading: number;
  /** p50 / p95 of the trading cycles' `duration_ms` alone. */
  tradingP50: number;
  tradingP95: number;
  cpuMsPerCycle: number;
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** The phase's figures from `bot_cycles` and the workers' CPU after their startup. */
export async function phaseReport(
  db: Db,
  phase: {
    workers: number;
    bots: number;
    from: number;
    slots: number;
    intervalMs: number;
    exits: ChildExit[];
  },
): Promise<PhaseReport> {
  const until = phase.from + phase.slots * phase.intervalMs;
  const rows = await db
    .select()
    .from(botCycles)
    .where(and(gte(botCycles.slotAt, new Date(phase.from)), lt(botCycles.slotAt, new Date(until))));
  const drainSeconds: number[] = [];
  let busyMs = 0;
  for (let s = phase.from; s < until; s += phase.intervalMs) {
    const inSlot = rows.filter(
      (r) => r.slotAt.getTime() >= s && r.slotAt.getTime() < s + phase.intervalMs && r.finishedAt,
    );
    if (inSlot.length === 0) continue;
    const first = Math.min(...inSlot.map((r) => r.startedAt.getTime()));
    const last = Math.max(...inSlot.map((r) => r.finishedAt!.getTime()));
    drainSeconds.push((last - s) / 1000);
    busyMs += last - first;
  }
  const durations = rows
    .flatMap((r) => (r.durationMs === null ? [] : [r.durationMs]))
    .sort((a, b) => a - b);
  const tradingDurations = rows
    .flatMap((r) => (r.durationMs === null || r.signalId === null ? [] : [r.durationMs]))
    .sort((a, b) => a - b);
  const walls = rows
    .flatMap((r) => (r.finishedAt ? [r.finishedAt.getTime() - r.startedAt.getTime()] : []))
    .sort((a, b) => a - b);
  const cpuUs = phase.exits.reduce((sum, e) => {
    if (!e.cpu || !e.readyCpu) return sum;
    return sum + e.cpu.user + e.cpu.system - e.readyCpu.user - e.readyCpu.system;
  }, 0);
  return {
    workers: phase.workers,
    cycles: rows.length,
    errors: rows.filter((r) => r.outcome === 'error').length,
    drainSeconds,
    cyclesPerMinute: busyMs > 0 ? (rows.length / busyMs) * 60_000 : 0,
    p50: percentile(durations, 50),
    p95: percentile(durations, 95),
    p95Wall: percentile(walls, 95),
    trading: rows.filter((r) => r.signalId !== null).length,
    tradingP50: percentile(tradingDurations, 50),
    tradingP95: percentile(tradingDurations, 95),
    cpuMsPerCycle: rows.length > 0 ? cpuUs / 1000 / rows.length : 0,
  };
}
