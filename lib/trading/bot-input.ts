import { z } from 'zod';
import { botRiskOverridesSchema } from '../core/risk';
import { TIMEFRAME_MS, type Timeframe } from '../core/types';

const timeframes = Object.keys(TIMEFRAME_MS) as [Timeframe, ...Timeframe[]];
const positiveDecimal = (label: string) =>
  z.union([z.string(), z.number()]).transform((v, ctx) => {
    const text = String(v).trim();
    if (!/^\d+(\.\d+)?$/.test(text) || Number(text) <= 0 || !Number.isFinite(Number(text))) {
      ctx.addIssue({ code: 'custom', message: `${label} must be a positive number.` });
      return z.NEVER;
    }
    return text;
  });
const percent = (label: string, max: number) =>
  z.coerce
    .number({ message: `${label} must be a number.` })
    .gt(0, `${label} must be above 0.`)
    .max(max, `${label} must be at most ${max}.`);

/** A bot as the API and the form accept it; the symbol is resolved against the account's venue. */
export const botInputSchema = z.object({
  name: z.string().trim().min(1, 'Give the bot a name.').max(80, 'Use at most 80 characters.'),
  exchangeAccountId: z.uuid('Unknown exchange account.').optional(),
  symbol: z.string().trim().min(1, 'Enter a symbol, e.g. BTC/USDT.').max(40),
  timeframe: z
    .enum(timeframes, { message: `Timeframe is one of ${timeframes.join(', ')}.` })
    .default('1m'),
  intervalSeconds: z.coerce
    .number()
    .int('Whole seconds.')
    .min(60, 'The cycle interval is at least 1 minute.')
    .max(3600, 'The cycle interval is at most 1 hour.')
    .default(60),
  strategyKind: z.enum(['rule', 'ai']).default('rule'),
  strategyId: z.string().trim().min(1, 'Choose a strategy.'),
  strategyVersionId: z.uuid().nullable().optional(),
  strategyParams: z.record(z.string(), z.unknown()).default({}),
  tradeAmount: positiveDecimal('Trade amount'),
  sizingMode: z.enum(['fixed', 'risk', 'compounding']).default('fixed'),
  stopLossPct: percent('Stop-loss %', 50).nullable().optional(),
  takeProfitPct: percent('Take-profit %', 1000).nullable().optional(),
  /** Minutes; null turns the max hold time off. Default: 30 for 1m bots, else off. */
  maxHoldMinutes: z.coerce
    .number()
    .int()
    .min(1, 'Max hold is at least 1 minute.')
    .max(43_200, 'Max hold is at most 30 days.')
    .nullable()
    .optional(),
  riskOverrides: botRiskOverridesSchema.default({}),
});

export type BotInput = z.infer<typeof botInputSchema>;
const { shape } = botInputSchema;
/** A patch: only the fields sent change (no defaults, or an edit would reset them). */
export const botPatchSchema = botInputSchema
  .extend({
    timeframe: shape.timeframe.unwrap(),
    intervalSeconds: shape.intervalSeconds.unwrap(),
    strategyKind: shape.strategyKind.unwrap(),
    strategyParams: shape.strategyParams.unwrap(),
    sizingMode: shape.sizingMode.unwrap(),
    riskOverrides: shape.riskOverrides.unwrap(),
  })
  .partial();
export type BotPatch = z.infer<typeof botPatchSchema>;
