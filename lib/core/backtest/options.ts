import { z } from 'zod';
import { type FillConfigInput } from '../fills';
import { riskPolicySchema } from '../risk';

/**
 * How much each entry buys (before the optional risk-policy caps), at the fill price:
 * - `fraction`: `fraction` of equity buys the position and pays its entry fee
 *   (quantity = fraction × equity / (price × (1 + fee))); 1 = all in;
 * - `fixed`: a position worth `amount` of quote currency (the fee comes on top);
 * - `risk`: lose `riskPct` % of equity at the stop, fees included (entries without a stop are
 *   skipped). Every mode is bounded by the free cash, fee included (no leverage).
 */
export const sizingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fraction'), fraction: z.number().gt(0).max(1).default(1) }),
  z.object({ kind: z.literal('fixed'), amount: z.number().gt(0) }),
  z.object({ kind: z.literal('risk'), riskPct: z.number().gt(0).max(100) }),
]);

export type Sizing = z.output<typeof sizingSchema>;

/** Every option of a run, each with its default; the parsed form is stored with the result. */
export const backtestOptionsSchema = z.object({
  /** Quote currency at the start. */
  startingBalance: z.number().gt(0).max(1e15).default(10_000),
  /**
   * `next-open`: a decision taken at a bar's close fills at the next bar's open (default);
   * `same-close`: it fills at that bar's close.
   */
  fillTiming: z.enum(['next-open', 'same-close']).default('next-open'),
  sizing: sizingSchema.default({ kind: 'fraction', fraction: 1 }),
  /** Fee rate per side for taker fills (market entries and exits, stops): 0.001 = 0.1 %. */
  feeRate: z.number().min(0).lt(1).default(0.001),
  /** Fee rate for maker fills (the take-profit limit leg); null = `feeRate`. */
  makerFeeRate: z.number().min(0).lt(1).nullable().default(null),
  /** Slippage against the taker in basis points: buys pay more, sells get less. */
  slippageBps: z.number().min(0).max(1000).default(0),
  /** Which OCO leg fills when one candle reaches both (its open reaching neither). */
  bothLegsPolicy: z.enum(['stop-first', 'target-first']).default('stop-first'),
  /** Positions open at the same time: 1 = one at a time. */
  maxConcurrent: z.number().int().min(1).max(100).default(1),
  /** Use the stop-loss / take-profit prices the strategy proposes with a buy. */
  useStrategyExits: z.boolean().default(true),
  /** Stop-loss this % below the entry price when the strategy gives none (null = none). */
  defaultStopLossPct: z.number().gt(0).lt(100).nullable().default(null),
  /** Take-profit this % above the entry price when the strategy gives none (null = none). */
  defaultTakeProfitPct: z.number().gt(0).max(10_000).nullable().default(null),
  /** Max hold time in ms: a position still open then is closed at the next bar open (timeout). */
  maxHoldMs: z.number().int().gt(0).nullable().default(null),
  /**
   * Risk policy (any subset; the rest takes the defaults). When given, every entry goes through
   * the core risk engine and is sized within the policy's caps; null = no risk engine.
   */
  riskPolicy: riskPolicySchema.nullable().default(null),
});

export type BacktestOptionsInput = z.input<typeof backtestOptionsSchema>;
export type BacktestOptions = z.output<typeof backtestOptionsSchema>;

/** Parses options, filling defaults; throws a `ZodError` naming every bad field. */
export function parseBacktestOptions(input: BacktestOptionsInput = {}): BacktestOptions {
  return backtestOptionsSchema.parse(input);
}

/**
 * The same fees, slippage and OCO policy as input for the core fill model
 * (`createFillConfig`), so the paper exchange can be set up to fill exactly like the run.
 */
export function toFillConfigInput(options: BacktestOptions): FillConfigInput {
  return {
    takerFeeRate: String(options.feeRate),
    makerFeeRate: String(options.makerFeeRate ?? options.feeRate),
    feeMode: 'quote',
    slippageBps: options.slippageBps,
    bothLegsPolicy: options.bothLegsPolicy,
  };
}
