import { z } from 'zod';
import {
  BacktestError,
  gridFromSpec,
  rangeValues,
  SWEEP_METRICS,
  type GridSpec,
  type SweepMetric,
} from '../core/backtest';
import { getStrategyOrThrow, STRATEGY_IDS } from '../core/strategy';
import { TIMEFRAME_MS, type Timeframe } from '../core/types';

export const BACKTEST_MODES = ['single', 'sweep', 'walk-forward'] as const;
export type BacktestMode = (typeof BACKTEST_MODES)[number];

/** Most combinations one sweep (or each walk-forward train window) may run. */
export const MAX_SWEEP_COMBINATIONS = 2000;
/** Most combination × bar steps one sweep may cost (about half a minute on 2 cores). */
export const MAX_SWEEP_WORK = 200_000_000;
/** Ranked rows stored per sweep (the rest is summarised by the counts). */
export const SWEEP_TOP_ROWS = 100;

const DAY_MS = 86_400_000;

/** One swept parameter: an inclusive range (min, min + step, … ≤ max) or a list of values. */
export const gridParamSchema = z.union([
  z.object({
    min: z.number({ error: 'Enter a number.' }),
    max: z.number({ error: 'Enter a number.' }),
    step: z.number({ error: 'Enter a number.' }).positive('The step must be above 0.'),
  }),
  z.array(z.number()).min(1, 'List at least one value.').max(MAX_SWEEP_COMBINATIONS),
]);

export const walkForwardSchema = z.object({
  /** Window sizes in bars of the run's timeframe, or in days. */
  unit: z.enum(['bars', 'days']).default('bars'),
  train: z.number({ error: 'Enter the train window.' }).positive('Must be above 0.'),
  test: z.number({ error: 'Enter the test window.' }).positive('Must be above 0.'),
  /** How far each window moves on; default the test length (back-to-back test windows). */
  step: z.number().positive('Must be above 0.').optional(),
});

/** The request fields of a sweep or walk-forward, spread into `backtestRunSchema`. */
export const sweepRequestFields = {
  mode: z.enum(BACKTEST_MODES).default('single'),
  grid: z.record(z.string(), gridParamSchema).optional(),
  metric: z.enum(SWEEP_METRICS as [SweepMetric, ...SweepMetric[]]).default('sharpe'),
  /** Warn when the best result has fewer trades. */
  minTrades: z.number().int().min(0).max(100_000).default(30),
  walkForward: walkForwardSchema.optional(),
};

type GridParam = z.output<typeof gridParamSchema>;

interface SweepRequestShape {
  mode: BacktestMode;
  strategyId: string;
  params: Record<string, unknown>;
  timeframe: Timeframe;
  from: number;
  to: number;
  grid?: Record<string, GridParam>;
  walkForward?: z.output<typeof walkForwardSchema>;
}

/** The engine's grid spec for a request's grid (ranges become from/to/step). */
export function toGridSpec(grid: Record<string, GridParam>): GridSpec {
  return Object.fromEntries(
    Object.entries(grid).map(([key, value]) => [
      key,
      Array.isArray(value) ? value : { from: value.min, to: value.max, step: value.step },
    ]),
  );
}

/** Values of one grid parameter, or the reason they cannot be listed. */
export function gridParamValues(key: string, value: GridParam): number[] | string {
  if (Array.isArray(value)) return value;
  if (value.max < value.min) return 'The maximum must not be below the minimum.';
  if (!(value.step > 0)) return 'The step must be above 0.';
  if ((value.max - value.min) / value.step + 1 > MAX_SWEEP_COMBINATIONS)
    return `More than ${MAX_SWEEP_COMBINATIONS.toLocaleString('en')} values: take a larger step.`;
  try {
    return rangeValues(key, { from: value.min, to: value.max, step: value.step });
  } catch (error) {
    if (error instanceof BacktestError) return error.message;
    throw error;
  }
}

/** Bars in [from, to) of a timeframe (what a run covers, warm-up aside). */
export function barsInRange(from: number, to: number, timeframe: Timeframe): number {
  return Math.max(0, Math.floor((to - from) / TIMEFRAME_MS[timeframe]));
}

/** A walk-forward request's window sizes in bars. */
export function walkForwardBars(
  wf: z.output<typeof walkForwardSchema>,
  timeframe: Timeframe,
): { trainBars: number; testBars: number; stepBars: number } {
  const bars = (x: number) =>
    wf.unit === 'days' ? Math.round((x * DAY_MS) / TIMEFRAME_MS[timeframe]) : x;
  const testBars = bars(wf.test);
  return { trainBars: bars(wf.train), testBars, stepBars: wf.step ? bars(wf.step) : testBars };
}

type Issue = (path: (string | number)[], message: string) => void;

/**
 * Checks a sweep or walk-forward request (called from `backtestRunSchema`'s refinement): every
 * grid parameter is one of the strategy's and each value passes the parameter's own checks
 * (errors as `grid.<key>`); the grid has at most `MAX_SWEEP_COMBINATIONS` combinations, at
 * least one valid one, and costs at most `MAX_SWEEP_WORK` (errors as `grid`); walk-forward
 * windows are whole bars and fit the range (errors as `walkForward.<field>`).
 */
export function refineSweepRequest(input: SweepRequestShape, issue: Issue): void {
  // AI strategies are refused by `refineAiRequest`, unknown ids by the strategyId check
  if (input.mode === 'single' || !STRATEGY_IDS.includes(input.strategyId)) return;
  const definition = getStrategyOrThrow(input.strategyId);
  const known = Object.keys(definition.paramDocs);
  const grid = input.grid ?? {};
  if (Object.keys(grid).length === 0) {
    issue(['grid'], 'Give at least one parameter a range or a list of values to sweep.');
  }
  let combinations = 1;
  let gridOk = true;
  for (const [key, value] of Object.entries(grid)) {
    if (!known.includes(key)) {
      issue(['grid', key], `${definition.name} has no parameter "${key}".`);
      gridOk = false;
      continue;
    }
    const values = gridParamValues(key, value);
    if (typeof values === 'string') {
      issue(['grid', key], values);
      gridOk = false;
      continue;
    }
    combinations *= values.length;
    // each value on its own against the parameter's checks; cross-parameter rules (fast < slow)
    // only make single combinations invalid, which the sweep lists
    for (const v of values) {
      const parsed = definition.params.safeParse({ ...input.params, [key]: v });
      const own = parsed.success
        ? undefined
        : parsed.error.issues.find((i) => i.path[0] === key && i.code !== 'custom');
      if (own) {
        issue(['grid', key], `${v}: ${own.message}`);
        gridOk = false;
        break;
      }
    }
  }
  if (!gridOk || Object.keys(grid).length === 0) return;
  if (combinations > MAX_SWEEP_COMBINATIONS) {
    issue(
      ['grid'],
      `The grid has ${combinations.toLocaleString('en')} combinations; at most ${MAX_SWEEP_COMBINATIONS.toLocaleString('en')} are allowed. Take larger steps or fewer values.`,
    );
    return;
  }
  const spec = toGridSpec(grid);
  const combos = gridFromSpec(spec);
  let firstError: string | null = null;
  const valid = combos.filter((combo) => {
    const parsed = definition.params.safeParse({ ...input.params, ...combo });
    if (!parsed.success) firstError ??= parsed.error.issues[0]?.message ?? 'invalid';
    return parsed.success;
  }).length;
  if (valid === 0) {
    issue(['grid'], `No combination of the grid is valid: ${firstError ?? 'invalid'}.`);
    return;
  }
  const bars = barsInRange(input.from, input.to, input.timeframe);
  if (input.mode === 'sweep') {
    checkWork(combinations, bars, issue);
    return;
  }
  if (!input.walkForward) {
    issue(['walkForward'], 'Give the train and test window sizes.');
    return;
  }
  checkWindows(input.walkForward, input.timeframe, bars, combinations, issue);
}

function checkWork(combinations: number, bars: number, issue: Issue): void {
  if (combinations * bars > MAX_SWEEP_WORK) {
    issue(
      ['grid'],
      `${combinations.toLocaleString('en')} combinations × ${bars.toLocaleString('en')} bars is too much for one sweep (at most ${(MAX_SWEEP_WORK / 1e6).toLocaleString('en')} million combination-bars): narrow the grid or shorten the range.`,
    );
  }
}

function checkWindows(
  wf: z.output<typeof walkForwardSchema>,
  timeframe: Timeframe,
  bars: number,
  combinations: number,
  issue: Issue,
): void {
  const unit = wf.unit === 'days' ? 'days' : 'bars';
  const sizes = walkForwardBars(wf, timeframe);
  const whole = (x: number) => Number.isInteger(x) && x >= 1;
  let ok = true;
  const check = (field: 'train' | 'test' | 'step', value: number, min: number) => {
    if (!whole(value) || value < min) {
      issue(
        ['walkForward', field],
        wf.unit === 'days'
          ? `Must come to at least ${min} whole ${timeframe} bar${min > 1 ? 's' : ''}.`
          : `Must be a whole number of bars, at least ${min}.`,
      );
      ok = false;
    }
  };
  check('train', sizes.trainBars, 2);
  check('test', sizes.testBars, 1);
  if (wf.step !== undefined) check('step', sizes.stepBars, 1);
  if (!ok) return;
  if (sizes.stepBars < sizes.testBars) {
    issue(
      ['walkForward', 'step'],
      'The step must be at least the test window, so test windows do not overlap.',
    );
    return;
  }
  if (sizes.trainBars + sizes.testBars > bars) {
    issue(
      ['walkForward', 'train'],
      `Train + test (${sizes.trainBars + sizes.testBars} bars) do not fit the range (${bars} ${timeframe} bars): shorten the windows (in ${unit}) or widen the range.`,
    );
    return;
  }
  const windows = Math.floor((bars - sizes.trainBars - sizes.testBars) / sizes.stepBars) + 1;
  checkWork(combinations, windows * sizes.trainBars, issue);
}
