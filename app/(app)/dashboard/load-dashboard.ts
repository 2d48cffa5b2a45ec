import { Decimal } from '@/lib/core/money';
import { maxDrawdown, periodReturns, sharpeRatio, YEAR_MS } from '@/lib/core/metrics';
import { findDefaultExchangeAccount } from '@/lib/db/queries/exchange-accounts';
import { ensurePaperAccount } from '@/lib/db/queries/paper';
import { openPositions } from '@/lib/db/queries/positions';
import {
  equityHistory,
  realisedSummary,
  recentActivity,
  userBotsForGrid,
} from '@/lib/db/queries/views/dashboard';
import { getTrading } from '@/lib/trading/runtime';
import { loadAccounts, loadBanners, loadPrices } from './load-market';

const DAY_MS = 86_400_000;

function curveMetrics(points: readonly { time: number; equity: number }[]) {
  if (points.length < 3) return { sharpe: null, maxDrawdownPct: null };
  const equity = points.map((p) => p.equity);
  const time = points.map((p) => p.time);
  const gaps = time
    .slice(1)
    .map((t, i) => t - (time[i] ?? t))
    .sort((a, b) => a - b);
  const step = gaps[Math.floor(gaps.length / 2)] ?? 0;
  const sharpe = step > 0 ? sharpeRatio(periodReturns(equity), YEAR_MS / step) : null;
  return { sharpe, maxDrawdownPct: maxDrawdown({ time, equity }).depth * 100 };
}

/** Everything the dashboard shows, read once on the server (live events trigger a re-read). */
export async function loadDashboard(userId: string, now: Date) {
  const { deps } = getTrading();
  const db = deps.db;
  const account =
    (await findDefaultExchangeAccount(db, userId)) ?? (await ensurePaperAccount(db, userId));
  const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const [accounts, positions, bots, summary, history, activity, banners] = await Promise.all([
    loadAccounts(userId),
    openPositions(db, { userId }),
    userBotsForGrid(db, userId),
    realisedSummary(db, userId, dayStart),
    equityHistory(db, account.id, new Date(now.getTime() - 7 * DAY_MS)),
    recentActivity(db, userId, 25),
    loadBanners(userId),
  ]);
  const prices = await loadPrices(accounts, [
    ...positions.map((p) => ({ accountId: p.exchangeAccountId, symbol: p.symbol })),
    ...bots.map((b) => ({ accountId: b.exchangeAccountId, symbol: b.symbol })),
  ]);

  const quote = typeof account.settings.quote === 'string' ? account.settings.quote : 'USDT';
  let cash: Decimal | null = null;
  try {
    const balances = await (await deps.exchangeFor(account)).fetchBalance();
    const row = balances.find((b) => b.asset === quote);
    cash = Decimal.from(row?.free ?? '0').add(row?.locked ?? '0');
  } catch {
    cash = null;
  }
  let unrealised = 0;
  let holdings = 0;
  const positionRows = positions.map((p) => {
    const price = prices[`${p.exchangeAccountId}|${p.symbol}`] ?? null;
    const value = price === null ? null : Number(p.quantity) * price;
    const pnl = value === null ? null : value - Number(p.entryCost);
    if (pnl !== null) unrealised += pnl;
    if (value !== null && p.exchangeAccountId === account.id) holdings += value;
    return { ...p, price, pnl, pnlPct: pnl === null ? null : (pnl / Number(p.entryCost)) * 100 };
  });
  const equity = cash === null ? null : Number(cash.toString()) + holdings;
  const curve =
    equity === null
      ? history
      : [...history, { time: now.getTime(), equity, cash: Number(cash?.toString() ?? 0) }];
  const { sharpe, maxDrawdownPct } = curveMetrics(curve);
  const unrealisedToday = positionRows
    .filter((p) => p.openedAt >= dayStart)
    .reduce((s, p) => s + (p.pnl ?? 0), 0);

  return {
    account: { id: account.id, label: account.label, venue: account.venue, quote },
    banners,
    stats: {
      equity,
      cash: cash === null ? null : Number(cash.toString()),
      realised: summary.realised,
      unrealised,
      today: summary.realisedToday + unrealisedToday,
      winRatePct: summary.closedTrades ? (summary.wins / summary.closedTrades) * 100 : null,
      closedTrades: summary.closedTrades,
      sharpe,
      maxDrawdownPct,
    },
    curve: curve.map((p) => ({ time: p.time, equity: p.equity })),
    positions: positionRows,
    bots: bots.map((b) => {
      const open = positionRows.find((p) => p.botId === b.id) ?? null;
      return {
        id: b.id,
        accountId: b.exchangeAccountId,
        name: b.name,
        symbol: b.symbol,
        timeframe: b.timeframe,
        status: b.status,
        strategyId: b.strategyId,
        nextCycleAt: b.nextCycleAt?.toISOString() ?? null,
        lastCycleAt: b.lastCycleAt?.toISOString() ?? null,
        price: prices[`${b.exchangeAccountId}|${b.symbol}`] ?? null,
        position: open
          ? {
              id: open.id,
              quantity: open.quantity,
              entryPrice: open.entryPrice,
              pnl: open.pnl,
              pnlPct: open.pnlPct,
            }
          : null,
      };
    }),
    activity,
  };
}

export type DashboardData = Awaited<ReturnType<typeof loadDashboard>>;
