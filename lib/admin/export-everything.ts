import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { User } from '../db/schema';
import { logSystem } from '../log/system-log';
import { toCsv } from './csv';
import { buildZip, type ZipEntry } from './zip-writer';

/**
 * What the export holds, table by table, with explicit columns: password hashes, exchange key
 * ciphertexts and webhook/access token hashes are never exported.
 */
const EXPORTS: { file: string; query: ReturnType<typeof sql> }[] = [
  {
    file: 'users',
    query: sql`select id, email, name, role, status, created_at, updated_at from users order by created_at`,
  },
  {
    file: 'exchange_accounts',
    query: sql`select id, user_id, venue, label, is_testnet, is_default, settings, (api_key_ciphertext is not null) as has_keys, created_at, updated_at from exchange_accounts order by created_at`,
  },
  {
    file: 'bots',
    query: sql`select id, user_id, exchange_account_id, name, symbol, timeframe, interval_seconds, strategy_kind, strategy_id, strategy_version_id, strategy_params, trade_amount, sizing_mode, stop_loss_pct, take_profit_pct, max_hold_minutes, risk_overrides, status, last_cycle_at, created_at, updated_at from bots order by created_at`,
  },
  {
    file: 'risk_settings',
    query: sql`select user_id, policy, kill_switch, updated_at from risk_settings`,
  },
  { file: 'signals', query: sql`select * from signals order by created_at` },
  { file: 'orders', query: sql`select * from orders order by created_at` },
  { file: 'positions', query: sql`select * from positions order by opened_at` },
  { file: 'equity_snapshots', query: sql`select * from equity_snapshots order by time` },
  { file: 'paper_balances', query: sql`select * from paper_balances` },
  { file: 'bot_cycles', query: sql`select * from bot_cycles order by started_at` },
  { file: 'ai_strategies', query: sql`select * from ai_strategies order by created_at` },
  {
    file: 'ai_strategy_versions',
    query: sql`select * from ai_strategy_versions order by created_at`,
  },
  { file: 'ai_decisions', query: sql`select * from ai_decisions order by created_at` },
  { file: 'ai_reflections', query: sql`select * from ai_reflections order by created_at` },
  { file: 'ai_sentiments', query: sql`select * from ai_sentiments order by created_at` },
  { file: 'ai_model_prices', query: sql`select * from ai_model_prices order by provider, model` },
  {
    file: 'system_logs',
    query: sql`select id, time, level, source, message, context from system_logs order by id desc limit 50000`,
  },
];

/**
 * Everything an admin may take away, as a ZIP: one CSV and one JSON file per table plus a
 * manifest with row counts. Built in memory (fine for a self-hosted desk's size).
 */
export async function exportEverything(
  db: Db,
  actor: User,
  now: Date,
): Promise<{ fileName: string; zip: Buffer }> {
  const entries: ZipEntry[] = [];
  const counts: Record<string, number> = {};
  for (const { file, query } of EXPORTS) {
    const rows = (await db.execute<Record<string, unknown>>(query)) as unknown as Record<
      string,
      unknown
    >[];
    const plain = rows.map((r) => ({ ...r }));
    counts[file] = plain.length;
    const columns = plain[0] ? Object.keys(plain[0]) : [];
    entries.push({ name: `csv/${file}.csv`, data: Buffer.from(toCsv(plain, columns), 'utf8') });
    entries.push({
      name: `json/${file}.json`,
      data: Buffer.from(JSON.stringify(plain, null, 1), 'utf8'),
    });
  }
  const manifest = { exportedAt: now.toISOString(), exportedBy: actor.email, tables: counts };
  entries.unshift({
    name: 'manifest.json',
    data: Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'),
  });
  await logSystem(db, {
    level: 'info',
    source: 'admin',
    message: `${actor.email} exported everything (${Object.values(counts).reduce((a, b) => a + b, 0)} rows)`,
  });
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return { fileName: `osprey-export-${stamp}.zip`, zip: buildZip(entries, now) };
}
