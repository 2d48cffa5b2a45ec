/**
 * The fake's spot symbols with Binance's real `exchangeInfo` filter shapes. BTCUSDT and ETHUSDT
 * carry today's filters (NOTIONAL, PERCENT_PRICE_BY_SIDE); SOLUSDT keeps the legacy ones
 * (MIN_NOTIONAL, PERCENT_PRICE) that testnet and older symbols still return, so readers of both
 * shapes are exercised.
 */
export type BinanceFilter = Record<string, string | number | boolean> & { filterType: string };

export interface FakeSymbol {
  symbol: string;
  status: 'TRADING' | 'BREAK';
  baseAsset: string;
  quoteAsset: string;
  orderTypes: string[];
  filters: BinanceFilter[];
  /** Starting price when the test does not give one. */
  defaultPrice: string;
}

const ORDER_TYPES = [
  'LIMIT',
  'LIMIT_MAKER',
  'MARKET',
  'STOP_LOSS',
  'STOP_LOSS_LIMIT',
  'TAKE_PROFIT',
  'TAKE_PROFIT_LIMIT',
];

function modernFilters(
  tick: string,
  step: string,
  minQty: string,
  maxQty: string,
  marketMaxQty: string,
): BinanceFilter[] {
  return [
    { filterType: 'PRICE_FILTER', minPrice: tick, maxPrice: '1000000.00000000', tickSize: tick },
    { filterType: 'LOT_SIZE', minQty, maxQty, stepSize: step },
    { filterType: 'ICEBERG_PARTS', limit: 10 },
    {
      filterType: 'MARKET_LOT_SIZE',
      minQty: '0.00000000',
      maxQty: marketMaxQty,
      stepSize: '0.00000000',
    },
    {
      filterType: 'TRAILING_DELTA',
      minTrailingAboveDelta: 10,
      maxTrailingAboveDelta: 2000,
      minTrailingBelowDelta: 10,
      maxTrailingBelowDelta: 2000,
    },
    {
      filterType: 'PERCENT_PRICE_BY_SIDE',
      bidMultiplierUp: '5',
      bidMultiplierDown: '0.2',
      askMultiplierUp: '5',
      askMultiplierDown: '0.2',
      avgPriceMins: 5,
    },
    {
      filterType: 'NOTIONAL',
      minNotional: '5.00000000',
      applyMinToMarket: true,
      maxNotional: '9000000.00000000',
      applyMaxToMarket: false,
      avgPriceMins: 5,
    },
    { filterType: 'MAX_NUM_ORDERS', maxNumOrders: 200 },
    { filterType: 'MAX_NUM_ALGO_ORDERS', maxNumAlgoOrders: 5 },
  ];
}

export const DEFAULT_SYMBOLS: readonly FakeSymbol[] = [
  {
    symbol: 'BTCUSDT',
    status: 'TRADING',
    baseAsset: 'BTC',
    quoteAsset: 'USDT',
    orderTypes: ORDER_TYPES,
    filters: modernFilters(
      '0.01000000',
      '0.00001000',
      '0.00001000',
      '9000.00000000',
      '76.27000000',
    ),
    defaultPrice: '60000',
  },
  {
    symbol: 'ETHUSDT',
    status: 'TRADING',
    baseAsset: 'ETH',
    quoteAsset: 'USDT',
    orderTypes: ORDER_TYPES,
    filters: modernFilters(
      '0.01000000',
      '0.00010000',
      '0.00010000',
      '9000.00000000',
      '1565.00000000',
    ),
    defaultPrice: '3000',
  },
  {
    symbol: 'SOLUSDT',
    status: 'TRADING',
    baseAsset: 'SOL',
    quoteAsset: 'USDT',
    orderTypes: ORDER_TYPES,
    filters: [
      {
        filterType: 'PRICE_FILTER',
        minPrice: '0.01000000',
        maxPrice: '10000.00000000',
        tickSize: '0.01000000',
      },
      { filterType: 'PERCENT_PRICE', multiplierUp: '5', multiplierDown: '0.2', avgPriceMins: 5 },
      {
        filterType: 'LOT_SIZE',
        minQty: '0.00100000',
        maxQty: '90000.00000000',
        stepSize: '0.00100000',
      },
      {
        filterType: 'MIN_NOTIONAL',
        minNotional: '10.00000000',
        applyToMarket: true,
        avgPriceMins: 5,
      },
      {
        filterType: 'MARKET_LOT_SIZE',
        minQty: '0.00000000',
        maxQty: '20000.00000000',
        stepSize: '0.00000000',
      },
      { filterType: 'MAX_NUM_ORDERS', maxNumOrders: 200 },
    ],
    defaultPrice: '150',
  },
  {
    symbol: 'ETHBTC',
    status: 'BREAK',
    baseAsset: 'ETH',
    quoteAsset: 'BTC',
    orderTypes: ORDER_TYPES,
    filters: modernFilters(
      '0.00001000',
      '0.00010000',
      '0.00010000',
      '100000.00000000',
      '2000.00000000',
    ),
    defaultPrice: '0.05',
  },
];

/** The filter of a given type, if the symbol has it. */
export function findFilter(symbol: FakeSymbol, type: string): BinanceFilter | undefined {
  return symbol.filters.find((f) => f.filterType === type);
}

/** A filter field as a decimal string ("0" when absent). */
export function filterValue(filter: BinanceFilter | undefined, key: string): string {
  const value = filter?.[key];
  return value === undefined ? '0' : String(value);
}

/** The symbol's object as `GET /api/v3/exchangeInfo` returns it. */
export function exchangeInfoSymbol(symbol: FakeSymbol): Record<string, unknown> {
  return {
    symbol: symbol.symbol,
    status: symbol.status,
    baseAsset: symbol.baseAsset,
    baseAssetPrecision: 8,
    quoteAsset: symbol.quoteAsset,
    quotePrecision: 8,
    quoteAssetPrecision: 8,
    baseCommissionPrecision: 8,
    quoteCommissionPrecision: 8,
    orderTypes: symbol.orderTypes,
    icebergAllowed: true,
    ocoAllowed: true,
    otoAllowed: true,
    quoteOrderQtyMarketAllowed: true,
    allowTrailingStop: true,
    cancelReplaceAllowed: true,
    amendAllowed: true,
    isSpotTradingAllowed: true,
    isMarginTradingAllowed: false,
    filters: symbol.filters,
    permissions: [],
    permissionSets: [['SPOT']],
    defaultSelfTradePreventionMode: 'EXPIRE_MAKER',
    allowedSelfTradePreventionModes: ['NONE', 'EXPIRE_TAKER', 'EXPIRE_MAKER', 'EXPIRE_BOTH'],
  };
}
