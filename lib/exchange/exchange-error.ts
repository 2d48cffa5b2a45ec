/**
 * Exchange errors sorted by what is safe to do next (STYLE rule 6):
 * - `rejected`: the venue refused for sure; nothing happened; do not retry as is.
 * - `unknown`: the request may or may not have taken effect (timeout, 5xx, dropped connection):
 *   look the order up by client order id; never resend blind.
 * - `retry`: the venue asked us to back off (429/418) or is briefly unavailable before accepting
 *   anything; retry after `retryAfterMs`.
 */
export type ExchangeErrorKind = 'rejected' | 'unknown' | 'retry';

export type ExchangeErrorCode =
  | 'insufficient_funds'
  | 'invalid_order'
  | 'filter_violation'
  | 'bad_symbol'
  | 'auth'
  | 'order_not_found'
  | 'timeout'
  | 'network'
  | 'venue_error'
  | 'rate_limited'
  | 'unavailable';

export class ExchangeError extends Error {
  constructor(
    readonly kind: ExchangeErrorKind,
    readonly code: ExchangeErrorCode,
    message: string,
    readonly details: { retryAfterMs?: number; venueCode?: number | string; cause?: unknown } = {},
  ) {
    super(message);
    this.name = 'ExchangeError';
  }

  get retryAfterMs(): number | undefined {
    return this.details.retryAfterMs;
  }
}

export const isExchangeError = (error: unknown): error is ExchangeError =>
  error instanceof ExchangeError;
