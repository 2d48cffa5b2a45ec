import { startOfUtcDay } from '../core/risk';
import { listUserBots } from '../db/queries/bots';
import { riskSettingsOf } from '../db/queries/risk-inputs';
import { getSetting } from '../db/queries/settings';
import { tradingDay } from '../db/queries/signal-log';
import type { Db } from '../db/client';

export interface TradingStatus {
  /** `halted` when a kill switch is on; `active` otherwise. */
  tradingState: 'active' | 'halted';
  killSwitch: { global: boolean; user: boolean };
  bots: { running: number; paused: number; stopped: number };
  tradesToday: number;
  openPositions: number;
  /** Realised P&L of positions closed since 00:00 UTC, in quote currency (exact decimal text). */
  realizedPnlToday: string;
  at: string;
}

/** The one-call summary for `GET /api/status` (the token's or the session's user). */
export async function tradingStatus(db: Db, userId: string, now: Date): Promise<TradingStatus> {
  const [settings, globalKill, bots, day] = await Promise.all([
    riskSettingsOf(db, userId),
    getSetting(db, 'kill_switch'),
    listUserBots(db, userId),
    tradingDay(db, userId, new Date(startOfUtcDay(now.getTime()))),
  ]);
  const count = (status: string) => bots.filter((b) => b.status === status).length;
  return {
    tradingState: globalKill || settings.killSwitch ? 'halted' : 'active',
    killSwitch: { global: globalKill, user: settings.killSwitch },
    bots: { running: count('running'), paused: count('paused'), stopped: count('stopped') },
    ...day,
    at: now.toISOString(),
  };
}
