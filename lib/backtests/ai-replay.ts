/**
 * Runs an AI strategy over history with the synchronous engine. Each decision point (every
 * `every` bars from the first traded bar, the last bar excepted) needs the prompt live would
 * build there — which depends on the run's own state (position, balance, closed trades) — so
 * the engine runs, stops asking at the first unresolved point, and its partial result gives the
 * state there; `resolve` answers that point (ledger cache or provider); the engine runs again
 * with one more decision, until every point is answered. The final run is an ordinary
 * `runBacktest` with the same risk engine, sizing and fill model as any other strategy.
 */
import { type AiMarketContext } from '../ai';
import { backtestOptionsSchema, runBacktest } from '../core/backtest';
import {
  type BacktestOptionsInput,
  type BacktestResult,
  type BacktestTrade,
} from '../core/backtest';
import { type Candle, type CandleColumns, type Timeframe } from '../core/types';
import { CONTEXT_CANDLES } from '../trading/run-bot-cycle';
import { aiReplayStrategy, type AiStep, type MissingPoint } from './ai-replay-strategy';

export interface AiDecisionPoint {
  index: number;
  /** Decision time (the bar's close), epoch ms. */
  time: number;
  /** What live would hand `decide` at this bar (`buildAiContext`'s shape, from the run's state). */
  context: AiMarketContext;
}

export interface AiReplayInput {
  candles: CandleColumns;
  tradeFrom: number;
  timeframe: Timeframe;
  symbol: string;
  options: BacktestOptionsInput;
  /** Ask every this many bars. */
  every: number;
  strategy: { id: string; version: string | null };
  resolve(point: AiDecisionPoint): Promise<AiStep>;
  /** After each resolved point; false stops the replay (cancelled). */
  onResolved?(done: number, total: number): Promise<boolean>;
}

export interface AiReplayOutcome {
  result: BacktestResult;
  /** Every decision point, in order, with its answer. */
  decisions: { index: number; time: number; step: AiStep }[];
}

/** The bar indices asked for a decision. */
export function decisionIndices(bars: number, tradeFrom: number, every: number): number[] {
  const out: number[] = [];
  for (let i = tradeFrom; i < bars - 1; i += every) out.push(i);
  return out;
}

export async function replayAiDecisions(input: AiReplayInput): Promise<AiReplayOutcome | null> {
  const n = input.candles.time.length;
  const points = decisionIndices(n, input.tradeFrom, input.every);
  const pointSet = new Set(points);
  const decisions = new Map<number, AiStep>();
  const times = new Map<number, number>();
  const startingBalance = backtestOptionsSchema.parse(input.options).startingBalance;
  for (;;) {
    let missing: MissingPoint | undefined;
    const result = runBacktest({
      candles: input.candles,
      tradeFrom: input.tradeFrom,
      timeframe: input.timeframe,
      symbol: input.symbol,
      strategy: {
        id: input.strategy.id,
        params: { every: input.every },
        version: input.strategy.version,
      },
      instance: aiReplayStrategy({
        decisions,
        isDecisionPoint: (i) => pointSet.has(i),
        onMissing: (point) => (missing = point),
      }),
      options: input.options,
    });
    if (!missing) {
      return {
        result,
        decisions: points.map((index) => ({
          index,
          time: times.get(index)!,
          step: decisions.get(index)!,
        })),
      };
    }
    const point: MissingPoint = missing;
    const context = contextAt(input, point, result.trades, startingBalance);
    decisions.set(
      point.index,
      await input.resolve({ index: point.index, time: point.time, context }),
    );
    times.set(point.index, point.time);
    if (input.onResolved && !(await input.onResolved(decisions.size, points.length))) return null;
  }
}

/**
 * The live context (`buildAiContext`) rebuilt from the run: the last `CONTEXT_CANDLES` closed
 * candles, the open position with the plan it was opened with, the quote balance (cash) and the
 * trades closed before the decision.
 */
function contextAt(
  input: AiReplayInput,
  point: MissingPoint,
  trades: readonly BacktestTrade[],
  startingBalance: number,
): AiMarketContext {
  const c = input.candles;
  const candles: Candle[] = [];
  for (let i = Math.max(0, point.index - CONTEXT_CANDLES + 1); i <= point.index; i++) {
    candles.push({
      time: c.time[i]!,
      open: c.open[i]!,
      high: c.high[i]!,
      low: c.low[i]!,
      close: c.close[i]!,
      volume: c.volume[i]!,
    });
  }
  const closed = trades.filter((t) => t.exitTime < point.time);
  let cash = startingBalance;
  for (const t of closed) cash += t.pnl;
  for (const t of trades) {
    if (t.entryTime < point.time && t.exitTime >= point.time)
      cash -= t.quantity * t.entryPrice + t.entryFee;
  }
  const p = point.position;
  return {
    symbol: input.symbol,
    timeframe: input.timeframe,
    candles,
    position: p
      ? {
          side: 'buy',
          entryPrice: p.entryPrice,
          quantity: p.quantity,
          entryTime: p.entryTime,
          stopLoss: point.opening?.stopLoss ?? null,
          takeProfit: point.opening?.takeProfit ?? null,
          invalidation: point.opening?.invalidation ?? null,
        }
      : null,
    balance: { asset: input.symbol.split('/')[1] ?? 'USDT', free: cash, total: cash },
    closedTrades: closed,
  };
}
