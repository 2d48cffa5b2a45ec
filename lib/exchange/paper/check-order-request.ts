import { dec, type Decimal } from '../../core/money';
import { ExchangeError } from '../exchange-error';
import { type Market, type OcoRequest, type OrderRequest } from '../types';

/**
 * Pre-trade checks of the paper venue, as a real venue makes them (Binance spot's filters and
 * messages): the symbol, the client id, every amount a plain positive decimal on the market's
 * step/tick, within min/max quantity, at least the min notional, inside the price band.
 */

const PLAIN_DECIMAL = /^\d+(\.\d+)?$/;
const CLIENT_ID = /^[.A-Z:/a-z0-9_-]{1,36}$/;

function invalid(message: string): ExchangeError {
  return new ExchangeError('rejected', 'invalid_order', message);
}

function filter(name: string): ExchangeError {
  return new ExchangeError('rejected', 'filter_violation', `Filter failure: ${name}`);
}

/** The market, or `bad_symbol` when the venue has no such (active) market. */
export function requireMarket(markets: ReadonlyMap<string, Market>, symbol: string): Market {
  const market = markets.get(symbol);
  if (!market?.active)
    throw new ExchangeError('rejected', 'bad_symbol', `Invalid symbol ${symbol}`);
  return market;
}

export function checkClientId(id: string, what = 'client order id'): void {
  if (!CLIENT_ID.test(id)) throw invalid(`Illegal characters or length in ${what}: "${id}"`);
}

function positiveDecimal(text: string | undefined, what: string): Decimal {
  if (text === undefined) throw invalid(`Mandatory parameter '${what}' was not sent`);
  if (!PLAIN_DECIMAL.test(text)) throw invalid(`Illegal value for ${what}: "${text}"`);
  const value = dec(text);
  if (!value.isPositive()) throw invalid(`${what} must be greater than zero`);
  return value;
}

/** A quantity on the step and within LOT_SIZE. */
export function checkQuantity(market: Market, text: string): Decimal {
  const quantity = positiveDecimal(text, 'quantity');
  const onStep = quantity.roundToStep(market.stepSize, 'floor').eq(quantity);
  if (!onStep || quantity.lt(market.minQty)) throw filter('LOT_SIZE');
  if (market.maxQty !== undefined && quantity.gt(market.maxQty)) throw filter('LOT_SIZE');
  return quantity;
}

/** A price on the tick (PRICE_FILTER). */
export function checkPrice(market: Market, text: string | undefined, what: string): Decimal {
  const price = positiveDecimal(text, what);
  if (!price.roundToStep(market.tickSize, 'floor').eq(price)) throw filter('PRICE_FILTER');
  return price;
}

export function checkNotional(market: Market, quantity: Decimal, price: Decimal): void {
  if (quantity.mul(price).lt(market.minNotional)) throw filter('NOTIONAL');
}

/** A limit price within the market's band around the reference price (PERCENT_PRICE). */
export function checkPriceBand(market: Market, price: Decimal, reference: Decimal): void {
  const band = market.priceBand;
  if (!band) return;
  if (price.lt(reference.mul(band.multiplierDown)) || price.gt(reference.mul(band.multiplierUp))) {
    throw filter('PERCENT_PRICE');
  }
}

export interface CheckedOrder {
  quantity: Decimal;
  /** Limit price (limit, stop-limit). */
  price?: Decimal;
  /** Trigger price (stop-limit, stop-market). */
  stopPrice?: Decimal;
}

/**
 * Checks an order against its market. `reference` is the price a market order would trade at
 * now (its notional and the price band are measured against it).
 */
export function checkOrderRequest(
  market: Market,
  request: OrderRequest,
  reference: Decimal,
): CheckedOrder {
  if (request.side !== 'buy' && request.side !== 'sell') {
    throw invalid(`Invalid side: ${String(request.side)}`);
  }
  if (!market.orderTypes.includes(request.type)) {
    throw invalid(`Unsupported order type ${request.type} on ${market.symbol}`);
  }
  checkClientId(request.clientOrderId);
  const quantity = checkQuantity(market, request.quantity);
  const limited = request.type === 'limit' || request.type === 'stop-limit';
  const stopped = request.type === 'stop-limit' || request.type === 'stop-market';
  const price = limited ? checkPrice(market, request.price, 'price') : undefined;
  const stopPrice = stopped ? checkPrice(market, request.stopPrice, 'stopPrice') : undefined;
  checkNotional(market, quantity, price ?? stopPrice ?? reference);
  if (price) checkPriceBand(market, price, reference);
  return { quantity, price, stopPrice };
}

export interface CheckedOco {
  quantity: Decimal;
  takeProfitPrice: Decimal;
  stopPrice: Decimal;
  stopLimitPrice?: Decimal;
}

/**
 * Checks an OCO: both legs on the filters, and the prices on either side of the last price
 * (a sell needs take-profit > last > stop, a buy the reverse), as Binance requires.
 */
export function checkOcoRequest(market: Market, request: OcoRequest, last: Decimal): CheckedOco {
  if (request.side !== 'buy' && request.side !== 'sell') {
    throw invalid(`Invalid side: ${String(request.side)}`);
  }
  checkClientId(request.clientOcoId, 'client OCO id');
  const quantity = checkQuantity(market, request.quantity);
  const takeProfitPrice = checkPrice(market, request.takeProfitPrice, 'takeProfitPrice');
  const stopPrice = checkPrice(market, request.stopPrice, 'stopPrice');
  const stopLimitPrice =
    request.stopLimitPrice === undefined
      ? undefined
      : checkPrice(market, request.stopLimitPrice, 'stopLimitPrice');
  checkNotional(market, quantity, takeProfitPrice);
  checkNotional(market, quantity, stopLimitPrice ?? stopPrice);
  const ordered =
    request.side === 'sell'
      ? takeProfitPrice.gt(last) && last.gt(stopPrice)
      : takeProfitPrice.lt(last) && last.lt(stopPrice);
  if (!ordered) throw invalid('The relationship of the prices for the orders is not correct.');
  return { quantity, takeProfitPrice, stopPrice, stopLimitPrice };
}
