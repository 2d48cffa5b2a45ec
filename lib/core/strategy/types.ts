import { type z } from 'zod';
import { type TrackRecord } from '../metrics';
import { type Candle, type Side } from '../types';

/** The open position a decision is made for, or null when flat. */
export interface PositionView {
  side: Side;
  entryPrice: number;
  quantity: number;
  entryTime: number;
}

/** What a strategy is told when asked to decide, besides the candles it has seen. */
export interface DecisionContext {
  /** Decision time, epoch ms (the close of the last candle given to `update`). */
  time: number;
  position: PositionView | null;
  /** The bot's recent record; optional, built-in rule strategies do not use it. */
  record?: TrackRecord;
  /**
   * `false` when the caller never reads `reasoning` (the backtester): a strategy may then
   * leave `reasoning` empty instead of formatting numbers into it. Action, confidence, exits
   * and size hint must not depend on it (the contract test checks). Absent (live bots,
   * previews) means true.
   */
  explain?: boolean;
}

/**
 * A strategy's proposal. Spot only: `buy` opens a long when flat; `close` exits the open long;
 * `hold` does nothing. Built-in strategies never emit `sell` (there is nothing to short on spot);
 * the execution layer is expected to treat a `sell` from any source as `close` on spot.
 */
export interface StrategyDecision {
  action: 'buy' | 'sell' | 'hold' | 'close';
  /** 0–100. */
  confidence: number;
  /** Absolute prices for the protective exits of a `buy`. */
  stopLoss?: number;
  takeProfit?: number;
  /** Suggested fraction of the normal position size, 0 < hint ≤ 1 (1 when absent). */
  sizeHint?: number;
  reasoning: string;
}

/**
 * A live strategy: fed closed candles in time order with `update`, then asked `decide`. State
 * changes only in `update`; `decide` reads state and context and changes nothing, so the same
 * candles and contexts give the same decisions in the backtester and in live bots.
 */
export interface StrategyInstance {
  /** Candles needed before any decision other than `hold`. */
  readonly warmup: number;
  update(candle: Candle): void;
  decide(ctx: DecisionContext): StrategyDecision;
}

/** How the UI shows one parameter. */
export interface ParamDoc {
  label: string;
  description: string;
  min?: number;
  max?: number;
  step?: number;
}

export interface StrategyDefinition<P extends object = Record<string, unknown>> {
  id: string;
  name: string;
  description: string;
  /** Parses raw parameters, filling defaults; `parse({})` gives the defaults. */
  params: z.ZodType<P>;
  paramDocs: { [K in keyof P]: ParamDoc };
  /** Candles needed before the first decision other than `hold`. */
  warmup(params: P): number;
  create(params: P): StrategyInstance;
}
