import { sql } from 'drizzle-orm';
import type { Db } from '../../client';

/** Read-only numbers the admin console's health panel shows. All times by the database clock. */

export interface WorkerRow {
  id: string;
  hostname: string;
  pid: number;
  version: string;
  startedAt: string;
  lastBeatAt: string;
  stoppedAt: string | null;
  ageMs: number;
}

export async function adminWorkers(db: Db): Promise<WorkerRow[]> {
  const rows = await db.execute<{
    id: string;
    hostname: string;
    pid: number;
    version: string;
    started_at: string | Date;
    last_beat_at: string | Date;
    stopped_at: string | Date | null;
    age_ms: string;
  }>(sql`
    select id, hostname, pid, version, started_at, last_beat_at, stopped_at,
           extract(epoch from (now() - last_beat_at)) * 1000 as age_ms
    from worker_heartbeats
    order by stopped_at is not null, last_beat_at desc
    limit 20`);
  return rows.map((r) => ({
    id: r.id,
    hostname: r.hostname,
    pid: Number(r.pid),
    version: r.version,
    startedAt: iso(r.started_at),
    lastBeatAt: iso(r.last_beat_at),
    stoppedAt: r.stopped_at ? iso(r.stopped_at) : null,
    ageMs: Math.max(0, Math.round(Number(r.age_ms))),
  }));
}

export interface QueueDepths {
  queuedSignals: number;
  executingSignals: number;
  dueBots: number;
  runningBots: number;
}

export async function adminQueueDepths(db: Db): Promise<QueueDepths> {
  const [row] = await db.execute<Record<keyof QueueDepths, string>>(sql`
    select
      (select count(*) from signals where status = 'queued') as "queuedSignals",
      (select count(*) from signals where status = 'executing') as "executingSignals",
      (select count(*) from bots where status = 'running' and next_cycle_at <= now()) as "dueBots",
      (select count(*) from bots where status = 'running') as "runningBots"`);
  return {
    queuedSignals: Number(row?.queuedSignals ?? 0),
    executingSignals: Number(row?.executingSignals ?? 0),
    dueBots: Number(row?.dueBots ?? 0),
    runningBots: Number(row?.runningBots ?? 0),
  };
}

export interface CycleLatency {
  cycles: number;
  errors: number;
  avgMs: number | null;
  p95Ms: number | null;
}

/** Bot cycle latency and errors over the last hour. */
export async function adminCycleLatency(db: Db): Promise<CycleLatency> {
  const [row] = await db.execute<{
    cycles: string;
    errors: string;
    avg_ms: string | null;
    p95_ms: string | null;
  }>(sql`
    select count(*) as cycles,
           count(*) filter (where outcome = 'error') as errors,
           avg(duration_ms) as avg_ms,
           percentile_cont(0.95) within group (order by duration_ms) as p95_ms
    from bot_cycles
    where started_at > now() - interval '1 hour'`);
  return {
    cycles: Number(row?.cycles ?? 0),
    errors: Number(row?.errors ?? 0),
    avgMs: numOrNull(row?.avg_ms),
    p95Ms: numOrNull(row?.p95_ms),
  };
}

export interface ErrorRates {
  /** System log lines at warn/error over the last 24 h whose source mentions the exchange. */
  exchangeErrors: number;
  /** Every system log error line over the last 24 h. */
  logErrors: number;
  logLines: number;
  aiDecisions: number;
  aiErrors: number;
  /** AI spend in the quote of the price table (USD), today (UTC) and over the last 24 h. */
  aiSpendToday: string;
  aiSpend24h: string;
}

export async function adminErrorRates(db: Db): Promise<ErrorRates> {
  const [logs] = await db.execute<{
    exchange_errors: string;
    log_errors: string;
    log_lines: string;
  }>(sql`
    select count(*) filter (where level in ('warn', 'error') and (source ilike '%exchange%' or source ilike '%order%' or source ilike '%reconcil%')) as exchange_errors,
           count(*) filter (where level = 'error') as log_errors,
           count(*) as log_lines
    from system_logs
    where time > now() - interval '24 hours'`);
  const [ai] = await db.execute<{
    decisions: string;
    errors: string;
    spend_today: string | null;
    spend_24h: string | null;
  }>(sql`
    select count(*) as decisions,
           count(*) filter (where error is not null or decided_by in ('rules_fallback', 'hold_fallback')) as errors,
           sum(cost) filter (where created_at >= date_trunc('day', now() at time zone 'utc') at time zone 'utc') as spend_today,
           sum(cost) as spend_24h
    from ai_decisions
    where created_at > now() - interval '24 hours'`);
  return {
    exchangeErrors: Number(logs?.exchange_errors ?? 0),
    logErrors: Number(logs?.log_errors ?? 0),
    logLines: Number(logs?.log_lines ?? 0),
    aiDecisions: Number(ai?.decisions ?? 0),
    aiErrors: Number(ai?.errors ?? 0),
    aiSpendToday: ai?.spend_today ?? '0',
    aiSpend24h: ai?.spend_24h ?? '0',
  };
}

export async function adminDatabaseSize(db: Db): Promise<number> {
  const [row] = await db.execute<{ bytes: string }>(
    sql`select pg_database_size(current_database()) as bytes`,
  );
  return Number(row?.bytes ?? 0);
}

function iso(value: string | Date): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

function numOrNull(value: string | null | undefined): number | null {
  return value === null || value === undefined ? null : Math.round(Number(value));
}
