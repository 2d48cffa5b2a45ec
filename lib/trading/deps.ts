import type { Db } from '../db/client';
import type { ExchangeAccount } from '../db/schema';
import type { Exchange } from '../exchange/types';
import type { NotifyArgs } from '../realtime/emitter-send';
import type { AdminOnlyEvent, RealtimeEvent, RealtimeEventMap } from '../realtime/events';

/** A realtime notification for one user's browsers (typed by the shared event map). */
export type UserEvent = Exclude<RealtimeEvent, AdminOnlyEvent>;
export interface TradingEvent<E extends UserEvent = UserEvent> {
  type: E;
  userId: string;
  payload: RealtimeEventMap[E];
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
  notify<E extends UserEvent>(event: TradingEvent<E>): Promise<void>;
  /**
   * The NOTIFY `notify` would send for an event, so a write can send it in its own statement
   * (one round trip, delivered on commit). Absent, or null for an event: `notify` after the write.
   */
  encodeEvent?(event: TradingEvent): NotifyArgs | null;
}
