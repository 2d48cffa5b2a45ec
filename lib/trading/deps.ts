import type { Db } from '../db/client';
import type { ExchangeAccount } from '../db/schema';
import type { Exchange } from '../exchange/types';

/** A realtime notification for one user's browsers (or the admin room). */
export interface TradingEvent {
  type: 'signal.decided' | 'order.updated' | 'position.opened' | 'position.closed' | 'bot.log';
  userId: string;
  payload: Record<string, unknown>;
}

/**
 * What the use cases need from the outside world, injected so the worker, the web process and
 * tests wire the same code to real or fake parts (never a mock of our own code).
 */
export interface TradingDeps {
  db: Db;
  /** The venue behind an account (paper exchange, or ccxt with the decrypted keys). */
  exchangeFor(account: ExchangeAccount): Promise<Exchange>;
  now(): Date;
  /** Realtime fan-out; failures here never fail a trade. */
  notify(event: TradingEvent): Promise<void>;
}
