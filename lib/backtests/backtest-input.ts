import { z } from 'zod';
import { backtestOptionsSchema } from '../core/backtest';
import { parseStrategyParams, STRATEGY_IDS, StrategyError } from '../core/strategy';
import { TIMEFRAME_MS, type Timeframe } from '../core/types';
import {
  aiBacktestRequestSchema,
  aiVersionIdOf,
  isStrategyId,
  refineAiRequest,
  strategyIdError,
} from './ai-backtest-input';
import { refineSweepRequest, sweepRequestFields } from './sweep-input';

/** Most bars one run may cover (warm-up included): keeps a run to seconds and its row small. */
export const MAX_BACKTEST_BARS = 200_000;

const TIMEFRAMES = Object.keys(TIMEFRAME_MS) as [Timeframe, ...Timeframe[]];

const instant = z
  .union([z.number().int().nonnegative(), z.string().min(1)])
  .transform((value, ctx) => {
    const ms = typeof value === 'number' ? value : Date.parse(value);
    if (!Number.isFinite(ms)) {
      ctx.addIssue({ code: 'custom', message: 'Enter a date (YYYY-MM-DD or ISO 8601).' });
      return z.NEVER;
    }
    return ms;
  });

/**
 * A backtest request, parsed once at the edge (API and form share it): a built-in strategy with
 * its params (checked by the strategy's own schema, errors per param as `params.<key>`), the
 * market, the candle source, the date range (at most `MAX_BACKTEST_BARS` bars) and the engine
 * options (`backtestOptionsSchema`, defaults filled).
 */
export const backtestRunSchema = z
  .object({
    name: z.string().trim().max(80).optional(),
    /** A built-in strategy id, or `ai:<versionId>` for an AI strategy version. */
    strategyId: z.string().refine(isStrategyId, strategyIdError),
    params: z.record(z.string(), z.unknown()).default({}),
    venue: z.enum(['binance', 'alpaca', 'paper']).default('binance'),
    symbol: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{2,12}\/[A-Z0-9]{2,12}$/, 'Use BASE/QUOTE, e.g. BTC/USDT.'),
    timeframe: z.enum(TIMEFRAMES),
    source: z.enum(['simulated', 'stored', 'exchange']).default('simulated'),
    from: instant,
    to: instant,
    options: backtestOptionsSchema.default(backtestOptionsSchema.parse({})),
    // AI strategies only: decision cadence and the confirmed estimate (`ai-backtest-input.ts`)
    ai: aiBacktestRequestSchema.optional(),
    // mode, grid, metric, minTrades, walkForward (sweeps and walk-forward, `sweep-input.ts`)
    ...sweepRequestFields,
  })
  .superRefine((input, ctx) => {
    if (input.to <= input.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end must be after the start.' });
    } else if ((input.to - input.from) / TIMEFRAME_MS[input.timeframe] > MAX_BACKTEST_BARS) {
      ctx.addIssue({
        code: 'custom',
        path: ['from'],
        message: `At most ${MAX_BACKTEST_BARS.toLocaleString('en')} bars: shorten the range or pick a longer timeframe.`,
      });
    }
    refineSweepRequest(input, (path, message) => ctx.addIssue({ code: 'custom', path, message }));
    if (aiVersionIdOf(input.strategyId)) {
      refineAiRequest(input, (path, message) => ctx.addIssue({ code: 'custom', path, message }));
      return;
    }
    if (!STRATEGY_IDS.includes(input.strategyId)) return;
    try {
      parseStrategyParams(input.strategyId, input.params);
    } catch (error) {
      if (!(error instanceof StrategyError)) throw error;
      const fields = Object.entries(error.fields ?? { _: [error.message] });
      for (const [key, messages] of fields) {
        for (const message of messages)
          ctx.addIssue({ code: 'custom', path: ['params', key], message });
      }
    }
  });

export type BacktestRunInput = z.input<typeof backtestRunSchema>;
export type BacktestRunRequest = z.output<typeof backtestRunSchema>;
