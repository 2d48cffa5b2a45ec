/**
 * The venue-side filter checks of the fake (what Binance itself answers with -1013), so the
 * adapter's local validation can be compared against an independent implementation.
 */
import { Decimal } from '../../lib/core/money';
import { binanceErrors } from './binance-errors';
import { type FakeSymbol, filterValue, findFilter } from './symbols';

export interface FilterCheckInput {
  type: string;
  side: 'BUY' | 'SELL';
  quantity: Decimal;
  price?: Decimal;
  stopPrice?: Decimal;
  /** The fake's current price, standing in for Binance's average price. */
  currentPrice: Decimal;
  openOrders: number;
}

const isMultiple = (value: Decimal, step: Decimal): boolean =>
  step.isZero() || value.roundToStep(step, 'floor').eq(value);

function checkPrice(symbol: FakeSymbol, price: Decimal): void {
  const filter = findFilter(symbol, 'PRICE_FILTER');
  if (!filter) return;
  const min = Decimal.from(filterValue(filter, 'minPrice'));
  const max = Decimal.from(filterValue(filter, 'maxPrice'));
  const tick = Decimal.from(filterValue(filter, 'tickSize'));
  const bad =
    (!min.isZero() && price.lt(min)) ||
    (!max.isZero() && price.gt(max)) ||
    !isMultiple(price.sub(min), tick);
  if (bad) throw binanceErrors.filterFailure('PRICE_FILTER');
}

function checkLot(symbol: FakeSymbol, filterType: string, quantity: Decimal): void {
  const filter = findFilter(symbol, filterType);
  if (!filter) return;
  const min = Decimal.from(filterValue(filter, 'minQty'));
  const max = Decimal.from(filterValue(filter, 'maxQty'));
  const step = Decimal.from(filterValue(filter, 'stepSize'));
  const bad =
    quantity.lt(min) || (!max.isZero() && quantity.gt(max)) || !isMultiple(quantity.sub(min), step);
  if (bad || !quantity.isPositive()) throw binanceErrors.filterFailure(filterType);
}

function checkPercentPrice(
  symbol: FakeSymbol,
  side: 'BUY' | 'SELL',
  price: Decimal,
  average: Decimal,
): void {
  const bySide = findFilter(symbol, 'PERCENT_PRICE_BY_SIDE');
  if (bySide) {
    const prefix = side === 'BUY' ? 'bid' : 'ask';
    const up = average.mul(filterValue(bySide, `${prefix}MultiplierUp`));
    const down = average.mul(filterValue(bySide, `${prefix}MultiplierDown`));
    if (price.gt(up) || price.lt(down)) throw binanceErrors.filterFailure('PERCENT_PRICE_BY_SIDE');
  }
  const legacy = findFilter(symbol, 'PERCENT_PRICE');
  if (legacy) {
    const up = average.mul(filterValue(legacy, 'multiplierUp'));
    const down = average.mul(filterValue(legacy, 'multiplierDown'));
    if (price.gt(up) || price.lt(down)) throw binanceErrors.filterFailure('PERCENT_PRICE');
  }
}

function checkNotional(symbol: FakeSymbol, isMarket: boolean, notional: Decimal): void {
  const modern = findFilter(symbol, 'NOTIONAL');
  if (modern) {
    const min = Decimal.from(filterValue(modern, 'minNotional'));
    const max = Decimal.from(filterValue(modern, 'maxNotional'));
    const applyMin = !isMarket || modern.applyMinToMarket === true;
    const applyMax = !isMarket || modern.applyMaxToMarket === true;
    if ((applyMin && notional.lt(min)) || (applyMax && !max.isZero() && notional.gt(max))) {
      throw binanceErrors.filterFailure('NOTIONAL');
    }
  }
  const legacy = findFilter(symbol, 'MIN_NOTIONAL');
  if (legacy && (!isMarket || legacy.applyToMarket === true)) {
    if (notional.lt(filterValue(legacy, 'minNotional')))
      throw binanceErrors.filterFailure('MIN_NOTIONAL');
  }
}

/** Throws Binance's -1013 answer for the first filter the order breaks. */
export function checkFilters(symbol: FakeSymbol, input: FilterCheckInput): void {
  const isMarket =
    input.type === 'MARKET' || input.type === 'STOP_LOSS' || input.type === 'TAKE_PROFIT';
  if (input.price) checkPrice(symbol, input.price);
  if (input.stopPrice) checkPrice(symbol, input.stopPrice);
  if (input.price) checkPercentPrice(symbol, input.side, input.price, input.currentPrice);
  checkLot(symbol, 'LOT_SIZE', input.quantity);
  if (isMarket) checkLot(symbol, 'MARKET_LOT_SIZE', input.quantity);
  const reference = input.price ?? input.stopPrice ?? input.currentPrice;
  checkNotional(symbol, isMarket, input.quantity.mul(isMarket ? input.currentPrice : reference));
  const maxOrders = findFilter(symbol, 'MAX_NUM_ORDERS');
  if (maxOrders && input.openOrders >= Number(maxOrders.maxNumOrders)) {
    throw binanceErrors.filterFailure('MAX_NUM_ORDERS');
  }
}
