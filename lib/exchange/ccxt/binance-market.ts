/** Binance's `exchangeInfo` symbol (ccxt keeps it as `market.info`) read into the port's `Market`. */
import { Decimal } from '../../core/money';
import { type ExchangeOrderType, type Market } from '../types';
import { type CcxtMarket } from './ccxt-types';
import { type Raw, asRaw, decimalOr, decimalText, rawString } from './raw-fields';

const ORDER_TYPES: Record<string, ExchangeOrderType> = {
  MARKET: 'market',
  LIMIT: 'limit',
  STOP_LOSS_LIMIT: 'stop-limit',
  STOP_LOSS: 'stop-market',
};

function filters(info: Raw): Map<string, Raw> {
  const list = Array.isArray(info.filters) ? info.filters.map(asRaw) : [];
  return new Map(list.map((f) => [rawString(f, 'filterType') ?? '', f]));
}

/** The tighter of the buy and sell bands, or the legacy single band. */
function priceBand(byType: Map<string, Raw>): Market['priceBand'] {
  const bySide = byType.get('PERCENT_PRICE_BY_SIDE');
  if (bySide) {
    const down = Decimal.max(
      decimalOr(bySide.bidMultiplierDown),
      decimalOr(bySide.askMultiplierDown),
    );
    const up = Decimal.min(
      decimalOr(bySide.bidMultiplierUp, '0'),
      decimalOr(bySide.askMultiplierUp, '0'),
    );
    if (up.isPositive()) return { multiplierDown: down.toString(), multiplierUp: up.toString() };
  }
  const legacy = byType.get('PERCENT_PRICE');
  const up = decimalText(legacy?.multiplierUp);
  const down = decimalText(legacy?.multiplierDown);
  return up && down ? { multiplierDown: down, multiplierUp: up } : undefined;
}

export function readBinanceMarket(
  market: CcxtMarket,
  supported: readonly ExchangeOrderType[],
): Market {
  const info = asRaw(market.info);
  const byType = filters(info);
  const lot = byType.get('LOT_SIZE') ?? {};
  const price = byType.get('PRICE_FILTER') ?? {};
  const notional = byType.get('NOTIONAL') ?? byType.get('MIN_NOTIONAL') ?? {};
  const venueTypes = Array.isArray(info.orderTypes)
    ? info.orderTypes.filter((t): t is string => typeof t === 'string')
    : [];
  const orderTypes = supported.filter((t) => venueTypes.some((v) => ORDER_TYPES[v] === t));
  const maxQty = decimalText(lot.maxQty);
  const result: Market = {
    symbol: market.symbol,
    venueSymbol: market.id ?? '',
    base: market.base ?? '',
    quote: market.quote ?? '',
    active: rawString(info, 'status') === 'TRADING',
    stepSize: decimalOr(lot.stepSize),
    tickSize: decimalOr(price.tickSize),
    minQty: decimalOr(lot.minQty),
    minNotional: decimalOr(notional.minNotional),
    orderTypes,
  };
  if (maxQty !== undefined && maxQty !== '0') result.maxQty = maxQty;
  const band = priceBand(byType);
  if (band) result.priceBand = band;
  return result;
}
