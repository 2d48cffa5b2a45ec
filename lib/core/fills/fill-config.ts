import { z } from 'zod';
import { dec, decimalSchema, type Decimal } from '../money';

/**
 * Which OCO leg fills when one candle touches both and its open touches neither: the path
 * inside a candle is unknown, so the default assumes the worse outcome (`stop-first`).
 */
export type BothLegsPolicy = 'stop-first' | 'target-first';

/**
 * Where fees are charged: `quote` (always in the quote asset, on top of a buy's cost and out of
 * a sell's proceeds), or `received` (in the asset received, as Binance does without BNB: a buy
 * pays in base, so the base credited is the quantity minus the fee; a sell pays in quote).
 */
export type FeeMode = 'quote' | 'received';

const feeRate = decimalSchema.refine((r) => !r.isNegative() && r.lt(1), {
  message: 'Fee rate must be at least 0 and below 1 (0.001 = 0.1%)',
});

/** Fill model settings. Input accepts strings or numbers; output holds exact decimals. */
export const fillConfigSchema = z.object({
  /** Fee rate for fills that rest in the book (limits, take-profit limit legs). */
  makerFeeRate: feeRate.default(dec('0.001')),
  /** Fee rate for fills that take liquidity (market, stops, marketable limits). */
  takerFeeRate: feeRate.default(dec('0.001')),
  feeMode: z.enum(['quote', 'received']).default('quote'),
  /** Slippage against the taker in basis points (5 = 0.05%): buys pay more, sells get less. */
  slippageBps: z.number().min(0).max(10_000).default(0),
  bothLegsPolicy: z.enum(['stop-first', 'target-first']).default('stop-first'),
  /**
   * Market tick size. When set, slipped prices are rounded to it against the taker (buys up,
   * sells down). Limit, stop and candle prices are used as given.
   */
  priceStep: decimalSchema
    .refine((s) => s.isPositive(), { message: 'Price step must be positive' })
    .optional(),
});

export type FillConfigInput = z.input<typeof fillConfigSchema>;

export interface FillConfig {
  makerFeeRate: Decimal;
  takerFeeRate: Decimal;
  feeMode: FeeMode;
  slippageBps: number;
  bothLegsPolicy: BothLegsPolicy;
  priceStep?: Decimal;
}

/** Validated fill configuration with defaults (0.1% fees in quote, no slippage, stop-first). */
export function createFillConfig(input: FillConfigInput = {}): FillConfig {
  return fillConfigSchema.parse(input);
}
