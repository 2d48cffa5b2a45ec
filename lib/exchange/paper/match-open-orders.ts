import { dec } from '../../core/money';
import { TIMEFRAME_MS } from '../../core/types';
import { listOpenPaperOrders } from '../../db/queries/paper-orders';
import {
  advancePaperOcoChecks,
  listLegsOfPaperOcos,
  listOpenPaperOcos,
} from '../../db/queries/paper-ocos';
import { isQuietWalk, matchOco, walkOco } from './match-oco';
import { matchOrder, type MatchOutcome } from './match-order';
import { type PaperContext } from './paper-context';
import { type MarketTape } from './walk-market';

/** Ids of the orders each pass changed (OCO lists are reported by the leg that filled). */
export interface MatchReport {
  filled: string[];
  expired: string[];
  /** Stop-limit orders (or OCO lists) whose stop fired and now rest as limits. */
  triggered: string[];
}

async function loadTape(
  ctx: PaperContext,
  symbol: string,
  since: number,
  now: number,
): Promise<MarketTape> {
  const timeframeMs = TIMEFRAME_MS[ctx.timeframe];
  const candles =
    since < now
      ? await ctx.feed.candles({ symbol, timeframe: ctx.timeframe, since, until: now }, now)
      : [];
  const ticker = await ctx.feed.ticker(symbol, now);
  const last = Number.isFinite(ticker.last) && ticker.last > 0 ? dec(ticker.last) : null;
  return {
    candles: candles.filter((c) => c.time >= since && c.time + timeframeMs <= now),
    timeframeMs,
    last,
    now,
  };
}

/**
 * Checks every open order and OCO list of the account against what the market did since each
 * was last checked (closed candles of the match timeframe, then the last price now) and books
 * what filled. Each order or list is matched in its own transaction under row locks, so
 * concurrent workers and restarts neither double-fill nor skip time. An OCO list is first
 * walked without locks from the rows just read: when nothing triggers or fills (most passes),
 * only its `checked_until` moves, for all such lists in one statement that skips any list
 * changed since it was read; the others go through the locked match.
 */
export async function matchOpenOrders(ctx: PaperContext, now: number): Promise<MatchReport> {
  const report: MatchReport = { filled: [], expired: [], triggered: [] };
  const [orders, ocos] = await Promise.all([
    listOpenPaperOrders(ctx.db, ctx.accountId, { standalone: true }),
    listOpenPaperOcos(ctx.db, ctx.accountId),
  ]);
  const legs = await listLegsOfPaperOcos(
    ctx.db,
    ocos.map((o) => o.id),
  );
  const quiet: { id: string; from: Date; to: Date }[] = [];
  const symbols = [...new Set([...orders, ...ocos].map((o) => o.symbol))].sort();
  if (symbols.length === 0) return report;
  const markets = await ctx.markets();
  const record = (outcome: MatchOutcome, id: string) => {
    if (outcome === 'filled' || outcome === 'expired' || outcome === 'triggered') {
      report[outcome].push(id);
    }
  };

  for (const symbol of symbols) {
    const market = markets.get(symbol);
    if (!market) continue;
    const mine = orders.filter((o) => o.symbol === symbol);
    const myOcos = ocos.filter((o) => o.symbol === symbol);
    const since = Math.min(...[...mine, ...myOcos].map((o) => o.checkedUntil.getTime()));
    const tape = await loadTape(ctx, symbol, since, now);
    const config = await ctx.fillConfig(market);
    const pair = { base: market.base, quote: market.quote };
    for (const order of mine) {
      record(await matchOrder({ ctx, orderId: order.id, tape, config, pair }), order.id);
    }
    for (const oco of myOcos) {
      const walked = walkOco(
        oco,
        legs.filter((l) => l.ocoId === oco.id),
        tape,
        config,
      );
      if (!walked) continue;
      if (isQuietWalk(walked.walk)) {
        const to = new Date(walked.walk.checkedUntil);
        if (to > oco.checkedUntil) quiet.push({ id: oco.id, from: oco.checkedUntil, to });
        continue;
      }
      const result = await matchOco({ ctx, ocoId: oco.id, tape, config, pair });
      record(result.outcome, result.filledOrderId ?? oco.id);
    }
  }
  await advancePaperOcoChecks(ctx.db, quiet);
  return report;
}
