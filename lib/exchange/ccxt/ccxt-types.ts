/** The slices of ccxt's types the adapter touches, named once. */
import type {
  Balances as CcxtBalances,
  Exchange as CcxtClient,
  MarketInterface as CcxtMarket,
  Order as CcxtOrder,
  Trade as CcxtTrade,
} from 'ccxt';

export type { CcxtBalances, CcxtClient, CcxtMarket, CcxtOrder, CcxtTrade };
