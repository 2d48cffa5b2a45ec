import { BacktestError } from './backtest-error';

/** One walk-forward window as candle index ranges (end exclusive); the test follows the train. */
export interface WalkForwardWindow {
  index: number;
  trainFrom: number;
  trainTo: number;
  testFrom: number;
  testTo: number;
}

/**
 * Rolling windows over `n` candles: train on `trainBars`, test on the `testBars` right after,
 * then move both forward by `stepBars` (default `testBars`). The step must be at least the test
 * length so test windows never overlap (each out-of-sample bar is counted once); a train window
 * never overlaps its own test window. Throws `BacktestError('bad_request')` when the sizes are
 * invalid or not even one window fits.
 */
export function walkForwardWindows(
  n: number,
  trainBars: number,
  testBars: number,
  stepBars = testBars,
): WalkForwardWindow[] {
  const whole = (x: number) => Number.isInteger(x) && x > 0;
  if (!whole(trainBars) || trainBars < 2 || !whole(testBars) || !whole(stepBars)) {
    throw new BacktestError(
      'bad_request',
      `Walk-forward needs whole trainBars ≥ 2, testBars ≥ 1 and stepBars ≥ 1 (got ${trainBars}, ${testBars}, ${stepBars})`,
    );
  }
  if (stepBars < testBars) {
    throw new BacktestError(
      'bad_request',
      `stepBars (${stepBars}) must be at least testBars (${testBars}) so test windows do not overlap`,
    );
  }
  const windows: WalkForwardWindow[] = [];
  for (let from = 0; from + trainBars + testBars <= n; from += stepBars) {
    const trainTo = from + trainBars;
    windows.push({
      index: windows.length,
      trainFrom: from,
      trainTo,
      testFrom: trainTo,
      testTo: trainTo + testBars,
    });
  }
  if (windows.length === 0) {
    throw new BacktestError(
      'bad_request',
      `${n} candles are too few for one window of ${trainBars} train + ${testBars} test bars`,
    );
  }
  return windows;
}
