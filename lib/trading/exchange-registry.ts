import type { Db } from '../db/client';
import type { ExchangeAccount } from '../db/schema';
import { exchangeAccountAad } from '../crypto/aad';
import { decryptSecret, type KeyRing } from '../crypto/secret-box';
import { createCcxtExchange } from '../exchange/ccxt';
import { createMarketDataFeed } from '../exchange/market-data/create-market-data-feed';
import type { MarketDataFeed, MarketDataMode } from '../exchange/market-data/types';
import { createPaperExchange, type PaperExchange } from '../exchange/paper';
import type { Exchange } from '../exchange/types';
import { AppError } from '../errors/app-error';

export interface ExchangeRegistryOptions {
  db: Db;
  keyRing: KeyRing;
  marketDataMode: MarketDataMode;
  seed?: string;
  /** Tests: where ccxt venues are reached (a loopback fake); production leaves it unset. */
  urlsOverride?: string;
  /** Tests: a feed for the paper venue instead of the public one. */
  paperFeed?: MarketDataFeed;
  clock?: () => number;
}

export interface ExchangeRegistry {
  exchangeFor(account: ExchangeAccount): Promise<Exchange>;
  /** The market data the paper venue trades against (and its `source()`: live or simulated). */
  paperFeed(): Promise<MarketDataFeed>;
  /** Forgets an account's exchange (keys changed or account removed). */
  forget(accountId: string): void;
}

export function isPaperExchange(exchange: Exchange): exchange is PaperExchange {
  return exchange.venue === 'paper' && 'matchOpenOrders' in exchange;
}

/**
 * One Exchange per account per process, built on first use: the paper exchange over the market
 * data feed, or ccxt with the account's keys decrypted in memory only (never logged).
 */
export function createExchangeRegistry(options: ExchangeRegistryOptions): ExchangeRegistry {
  const exchanges = new Map<string, Promise<Exchange>>();
  let feed: Promise<MarketDataFeed> | undefined;
  const paperFeed = () => {
    feed ??= options.paperFeed
      ? Promise.resolve(options.paperFeed)
      : createMarketDataFeed({
          venue: 'binance',
          mode: options.marketDataMode,
          seed: options.seed,
          clock: options.clock,
        });
    return feed;
  };

  const build = async (account: ExchangeAccount): Promise<Exchange> => {
    if (account.venue === 'paper') {
      return createPaperExchange({
        db: options.db,
        accountId: account.id,
        feed: await paperFeed(),
        clock: options.clock,
      });
    }
    if (!account.apiKeyCiphertext || !account.apiSecretCiphertext) {
      throw new AppError(
        'unprocessable',
        `The ${account.venue} account "${account.label}" has no API keys.`,
      );
    }
    const apiKey = decryptSecret(
      account.apiKeyCiphertext,
      options.keyRing,
      exchangeAccountAad(account.userId, account.id, 'api_key'),
    );
    const secret = decryptSecret(
      account.apiSecretCiphertext,
      options.keyRing,
      exchangeAccountAad(account.userId, account.id, 'api_secret'),
    );
    const exchange = createCcxtExchange({
      venue: account.venue,
      apiKey,
      secret,
      sandbox: account.isTestnet,
      urlsOverride: options.urlsOverride,
    });
    await exchange.connect();
    return exchange;
  };

  return {
    exchangeFor(account) {
      let exchange = exchanges.get(account.id);
      if (!exchange) {
        exchange = build(account);
        exchanges.set(account.id, exchange);
        exchange.catch(() => exchanges.delete(account.id));
      }
      return exchange;
    },
    paperFeed,
    forget(accountId) {
      exchanges.delete(accountId);
    },
  };
}
