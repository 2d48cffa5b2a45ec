import { type FillConfig, type FillConfigInput } from '../../core/fills';
import { dec } from '../../core/money';
import { type Timeframe } from '../../core/types';
import { type Db } from '../../db/client';
import { findExchangeAccountById } from '../../db/queries/exchange-accounts';
import { ExchangeError } from '../exchange-error';
import { type MarketDataFeed } from '../market-data/types';
import { type Market } from '../types';
import { paperFillConfig, readPaperSettings, type PaperSettings } from './paper-settings';

export interface PaperExchangeOptions {
  db: Db;
  /** The `exchange_accounts` row (venue `paper`) this exchange trades. */
  accountId: string;
  feed: MarketDataFeed;
  /** Overrides the account's stored fee and slippage settings. */
  fillConfig?: FillConfigInput;
  /** Epoch ms; default `Date.now`. */
  clock?: () => number;
  /** Candles resting orders are matched against (default `1m`). */
  matchTimeframe?: Timeframe;
}

/** What every paper operation needs: storage, market data, clock and the account's settings. */
export interface PaperContext {
  db: Db;
  accountId: string;
  feed: MarketDataFeed;
  clock: () => number;
  timeframe: Timeframe;
  settings(): Promise<PaperSettings>;
  markets(reload?: boolean): Promise<ReadonlyMap<string, Market>>;
  /** The account's fill model, with slipped prices rounded to the market's tick. */
  fillConfig(market: Market): Promise<FillConfig>;
  /** Forgets cached settings (after a reset or a settings change). */
  invalidate(): void;
}

export function createPaperContext(options: PaperExchangeOptions): PaperContext {
  const { db, accountId, feed } = options;
  let settings: Promise<PaperSettings> | undefined;
  let markets: Promise<ReadonlyMap<string, Market>> | undefined;

  const loadSettings = async (): Promise<PaperSettings> => {
    const account = await findExchangeAccountById(db, accountId);
    if (account?.venue !== 'paper') {
      throw new ExchangeError('rejected', 'auth', `No paper account ${accountId}`);
    }
    return readPaperSettings(account.settings);
  };

  const context: PaperContext = {
    db,
    accountId,
    feed,
    clock: options.clock ?? Date.now,
    timeframe: options.matchTimeframe ?? '1m',
    settings() {
      settings ??= loadSettings().catch((error: unknown) => {
        settings = undefined;
        throw error;
      });
      return settings;
    },
    markets(reload = false) {
      if (reload || !markets) {
        markets = feed.markets().catch((error: unknown) => {
          markets = undefined;
          throw error;
        });
      }
      return markets;
    },
    async fillConfig(market) {
      const config = paperFillConfig(await context.settings(), options.fillConfig);
      return { ...config, priceStep: config.priceStep ?? dec(market.tickSize) };
    },
    invalidate() {
      settings = undefined;
    },
  };
  return context;
}
