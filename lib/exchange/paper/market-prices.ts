import { dec, type Decimal } from '../../core/money';
import { type Side } from '../../core/types';
import { ExchangeError } from '../exchange-error';
import { type Ticker } from '../types';

const usable = (price: number) => Number.isFinite(price) && price > 0;

/** The price a taker trades at now: the ask for a buy, the bid for a sell, else the last price. */
export function takerPrice(ticker: Ticker, side: Side): Decimal {
  const quote = side === 'buy' ? ticker.ask : ticker.bid;
  return usable(quote) ? dec(quote) : lastPrice(ticker);
}

/** The last traded price; resting orders and stop triggers are checked against it. */
export function lastPrice(ticker: Ticker): Decimal {
  if (!usable(ticker.last)) {
    throw new ExchangeError('retry', 'unavailable', `No price for ${ticker.symbol} yet`);
  }
  return dec(ticker.last);
}
