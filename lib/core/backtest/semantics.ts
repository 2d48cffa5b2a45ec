/**
 * The engine's rules in words, stored with every result so a reader of a run knows exactly how
 * it was simulated. Options that change a rule are recorded in `config.options`.
 */
export const BACKTEST_SEMANTICS = {
  decisions:
    'Bar by bar: each closed candle is given to the strategy (update), then it decides at the candle close (decision time = open time + timeframe). Before its warm-up every decision is hold, so nothing trades during warm-up.',
  crossover:
    'Crossovers are strict on the last two values: up when fast[i-1] <= slow[i-1] and fast[i] > slow[i]; down when fast[i-1] >= slow[i-1] and fast[i] < slow[i].',
  fillTiming:
    'next-open (default): a decision at bar i close fills at bar i+1 open; a decision on the last bar is dropped. same-close: it fills at bar i close; no entries on the last bar.',
  sizing:
    'Quantities are fractional and computed at fill time from the fill price. fraction f: quantity = f x equity / (price x (1 + fee)), so position plus entry fee equals f x equity; fixed: value = amount; risk: loss at the stop (fees included) = riskPct of equity. Always bounded by free cash including the fee (no leverage). A strategy sizeHint scales the target.',
  fees: 'Fee per side on the fill value (price x quantity), in quote: taker rate for market entries, exits and stops; maker rate for the take-profit limit leg. P&L is net of both fees.',
  slippage:
    'Taker fills move against the trader by slippageBps: buys at price x (1 + bps/10^4), sells at price x (1 - bps/10^4). Take-profit limit fills are not slipped.',
  oco: 'Stop-loss and take-profit form an OCO checked against every bar in which the position is open, the entry bar included: a leg reached at the open (a gap) fills at the open; a stop at the stop price (slipped, taker); a target at its limit price (maker). When one bar reaches both legs inside its range, bothLegsPolicy decides (stop-first by default). Mirrors lib/core/fills (evaluateOco) in float64.',
  signalExits:
    'A close (or sell) decision closes every open position with a market order, at the next open (next-open) or at the same close (same-close).',
  timeout:
    'With maxHoldMs, a position is closed at the open of the first bar whose open time is at least entry time + maxHoldMs (market, slipped, taker), unless an OCO leg is reached at that open.',
  endOfData:
    'Positions still open after the last bar are closed at its close (market, slipped, taker), reason end_of_data.',
  orderOfEvents:
    'At a bar open: pending signal exits, then the pending entry, then per position an OCO leg at the open, else a timeout, else an OCO leg inside the bar. At the close: strategy update and decision (and same-close fills), then the end-of-data close on the last bar.',
  positions:
    'Spot, long only. With maxConcurrent > 1 the strategy is asked about the newest position (a close exits all) and, while there is room and no close, also as if flat (a buy adds one).',
  riskPolicy:
    'When a risk policy is given, each entry is checked by the core risk engine at decision time, with counters from the run itself (open positions, trades and realised P&L since 00:00 UTC of the decision time, last order and last stop-loss times, equity peak) and sized within the policy caps times the performance multiplier. Exits are never blocked.',
  times:
    'Times are epoch ms: fills at an open carry the bar open time, fills at a close the bar close time (open + timeframe), fills inside a bar the bar open time. barsHeld counts bars in which the position was open at some point.',
  money:
    'Float64 throughout, self-consistent: final equity = starting balance + sum of trade P&L (net of fees) to within 1e-9 relative. Quantities are not rounded to a market step.',
  equity:
    'The curve starts with the starting balance at the first traded open, then has one point per traded bar valued at its close (cash + open positions at the close), timed at the bar close; drawdown = equity / running peak - 1. Metrics come from lib/core/metrics on this curve; exposure is the share of traded bars with a position open at some point. Buy-and-hold buys at the first traded open and sells at the last close with the same fees and slippage.',
  gaps: 'Missing bars (consecutive open times more than one timeframe apart) are reported in gaps, never filled in; the strategy simply sees the next candle.',
} as const;

export type BacktestSemantics = typeof BACKTEST_SEMANTICS;
