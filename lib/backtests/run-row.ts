import type { NewBacktest } from '../db/schema';
import type { BacktestRunRequest } from './backtest-input';

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The run's name: the user's, else `<what> · <symbol> <timeframe> · <from day> → <to day>`. */
export function runName(input: BacktestRunRequest, what: string): string {
  return (
    input.name ||
    `${what} · ${input.symbol} ${input.timeframe} · ${day(input.from)} → ${day(input.to)}`
  );
}

/** The `backtests` columns every queued run takes from its request: owner, name, market, range. */
export function runRow(
  userId: string,
  input: BacktestRunRequest,
  what: string,
): Pick<
  NewBacktest,
  | 'userId'
  | 'name'
  | 'venue'
  | 'symbol'
  | 'timeframe'
  | 'dataSource'
  | 'rangeFrom'
  | 'rangeTo'
  | 'options'
> {
  return {
    userId,
    name: runName(input, what),
    venue: input.venue,
    symbol: input.symbol,
    timeframe: input.timeframe,
    dataSource: input.source,
    rangeFrom: new Date(input.from),
    rangeTo: new Date(input.to),
    options: input.options,
  };
}
