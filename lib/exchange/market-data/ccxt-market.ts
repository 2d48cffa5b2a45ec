/**
 * A ccxt market as Osprey's `Market`: spot only, filters as exact decimal strings. Where the
 * venue sends its own filter list (Binance-shaped `info.filters`) the exact strings are read
 * from it; otherwise they come from ccxt's unified precision and limits.
 */
import { type MarketInterface } from 'ccxt';
import { Decimal } from '../../core/money';
import { type ExchangeOrderType, type Market } from '../types';

/** ccxt `precisionMode` values (base/functions/number.js). */
const DECIMAL_PLACES = 2;
const TICK_SIZE = 4;

type Filter = Record<string, unknown>;

function text(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  if (!Decimal.isValid(value)) return undefined;
  return Decimal.from(value).toString();
}

/** A precision as a step: tick-size mode gives the step itself, decimal-places mode its digits. */
function precisionStep(value: number | undefined, precisionMode: number): string | undefined {
  if (value === undefined || !Number.isFinite(value)) return undefined;
  if (precisionMode === TICK_SIZE) return text(value);
  if (precisionMode === DECIMAL_PLACES && Number.isInteger(value))
    return Decimal.from(`1e-${value}`).toString();
  return undefined;
}

function filtersByType(info: unknown): Map<string, Filter> {
  const filters = (info as { filters?: unknown } | undefined)?.filters;
  const out = new Map<string, Filter>();
  if (!Array.isArray(filters)) return out;
  for (const filter of filters as unknown[]) {
    if (filter && typeof filter === 'object' && typeof (filter as Filter).filterType === 'string') {
      out.set((filter as Filter).filterType as string, filter as Filter);
    }
  }
  return out;
}

const VENUE_ORDER_TYPES: Record<string, ExchangeOrderType> = {
  MARKET: 'market',
  LIMIT: 'limit',
  STOP_LOSS_LIMIT: 'stop-limit',
  STOP_LOSS: 'stop-market',
};

function orderTypes(info: unknown): ExchangeOrderType[] {
  const raw = (info as { orderTypes?: unknown } | undefined)?.orderTypes;
  if (!Array.isArray(raw)) return ['market', 'limit'];
  const types = (raw as unknown[]).flatMap((t) =>
    typeof t === 'string' && VENUE_ORDER_TYPES[t] ? [VENUE_ORDER_TYPES[t]] : [],
  );
  return types.length > 0 ? types : ['market', 'limit'];
}

/** The narrowest band both sides of the book accept (PERCENT_PRICE_BY_SIDE or PERCENT_PRICE). */
function priceBand(filters: Map<string, Filter>): Market['priceBand'] {
  const bySide = filters.get('PERCENT_PRICE_BY_SIDE');
  if (bySide) {
    const downs = [text(bySide.bidMultiplierDown), text(bySide.askMultiplierDown)].filter(
      (v) => v !== undefined,
    );
    const ups = [text(bySide.bidMultiplierUp), text(bySide.askMultiplierUp)].filter(
      (v) => v !== undefined,
    );
    if (downs.length > 0 && ups.length > 0) {
      const down = downs.reduce((a, b) => (Decimal.from(a).gt(b) ? a : b));
      const up = ups.reduce((a, b) => (Decimal.from(a).lt(b) ? a : b));
      return { multiplierDown: down, multiplierUp: up };
    }
  }
  const plain = filters.get('PERCENT_PRICE');
  const down = text(plain?.multiplierDown);
  const up = text(plain?.multiplierUp);
  return down && up ? { multiplierDown: down, multiplierUp: up } : undefined;
}

/** The `Market` for a ccxt spot market, or null for derivatives and markets without filters. */
export function marketFromCcxt(market: MarketInterface, precisionMode: number): Market | null {
  if (market.spot !== true || !market.base || !market.quote) return null;
  const filters = filtersByType(market.info);
  const lot = filters.get('LOT_SIZE');
  const price = filters.get('PRICE_FILTER');
  const notional = filters.get('NOTIONAL') ?? filters.get('MIN_NOTIONAL');
  const stepSize = text(lot?.stepSize) ?? precisionStep(market.precision.amount, precisionMode);
  const tickSize = text(price?.tickSize) ?? precisionStep(market.precision.price, precisionMode);
  if (!stepSize || !tickSize || stepSize === '0' || tickSize === '0') return null;
  const maxQty = text(lot?.maxQty) ?? text(market.limits.amount?.max);
  const band = priceBand(filters);
  return {
    symbol: market.symbol,
    venueSymbol: market.id ?? `${market.base}${market.quote}`,
    base: market.base,
    quote: market.quote,
    active: market.active !== false,
    stepSize,
    tickSize,
    minQty: text(lot?.minQty) ?? text(market.limits.amount?.min) ?? stepSize,
    ...(maxQty && maxQty !== '0' ? { maxQty } : {}),
    minNotional:
      text(notional?.minNotional) ??
      text(notional?.notional) ??
      text(market.limits.cost?.min) ??
      '0',
    ...(band ? { priceBand: band } : {}),
    orderTypes: orderTypes(market.info),
  };
}
