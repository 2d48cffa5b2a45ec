/**
 * Turns whatever a ccxt call threw into an `ExchangeError` sorted by what is safe to do next
 * (STYLE rule 6): rejected for sure / outcome unknown / retry later. Writes (create, cancel) and
 * reads differ: a timeout on a read is simply retried, on a write the outcome is unknown.
 */
import ccxt from 'ccxt';
import { type ExchangeErrorCode, type ExchangeErrorKind, ExchangeError } from '../exchange-error';
import { responseOf } from './instrument-responses';

export interface ClassifyContext {
  venue: string;
  operation: string;
  /** The call may have changed state at the venue (create/cancel). */
  write: boolean;
  /** Venue error codes that mean "no such order". */
  notFoundCodes: readonly string[];
  /** Back-off in force after this error, if any. */
  retryAfterMs?: number;
  /** Strings that must never appear in a message (the API secret). */
  secrets: readonly string[];
}

/** `{"code":-2010,"msg":"…"}` or `{"code":40410000,"message":"…"}` inside ccxt's message. */
export function venueCodeOf(message: string): string | undefined {
  const match = /"code"\s*:\s*"?(-?\d+)"?/.exec(message);
  return match?.[1];
}

function redact(message: string, secrets: readonly string[]): string {
  let out = message;
  for (const secret of secrets) if (secret) out = out.split(secret).join('[redacted]');
  return out.length > 600 ? `${out.slice(0, 600)}…` : out;
}

const REJECTED_AS_INVALID = [
  ccxt.InvalidOrder,
  ccxt.BadRequest,
  ccxt.OperationRejected,
  ccxt.NotSupported,
  ccxt.ArgumentsRequired,
];

function sort(
  error: unknown,
  ctx: ClassifyContext,
  status: number | undefined,
  code: string | undefined,
): [ExchangeErrorKind, ExchangeErrorCode] {
  const unsure = (c: ExchangeErrorCode): [ExchangeErrorKind, ExchangeErrorCode] => [
    ctx.write ? 'unknown' : 'retry',
    c,
  ];
  if (status === 401) return ['rejected', 'auth'];
  if (
    error instanceof ccxt.DDoSProtection ||
    error instanceof ccxt.RateLimitExceeded ||
    status === 429 ||
    status === 418
  ) {
    return ['retry', 'rate_limited'];
  }
  if (code !== undefined && ctx.notFoundCodes.includes(code))
    return ['rejected', 'order_not_found'];
  if (error instanceof ccxt.OrderNotFound) return ['rejected', 'order_not_found'];
  if (error instanceof ccxt.InsufficientFunds) return ['rejected', 'insufficient_funds'];
  if (error instanceof ccxt.AuthenticationError) return ['rejected', 'auth'];
  if (error instanceof ccxt.BadSymbol) return ['rejected', 'bad_symbol'];
  if (REJECTED_AS_INVALID.some((cls) => error instanceof cls)) {
    return [
      'rejected',
      /Filter failure/i.test((error as Error).message) ? 'filter_violation' : 'invalid_order',
    ];
  }
  if (error instanceof ccxt.InvalidNonce) return ['rejected', 'venue_error'];
  if (error instanceof ccxt.RequestTimeout) return unsure('timeout');
  if (error instanceof ccxt.OnMaintenance) return ['retry', 'unavailable'];
  if (status !== undefined && status >= 500) return unsure('unavailable');
  if (error instanceof ccxt.ExchangeNotAvailable)
    return status !== undefined && status < 500
      ? ['rejected', 'venue_error']
      : unsure('unavailable');
  if (error instanceof ccxt.NetworkError) return unsure('network');
  if (error instanceof ccxt.OperationFailed) return unsure('venue_error');
  if (error instanceof ccxt.ExchangeError) return ['rejected', 'venue_error'];
  return unsure('venue_error');
}

/** The `ExchangeError` for a ccxt (or other) error; an `ExchangeError` passes through unchanged. */
export function classifyCcxtError(error: unknown, ctx: ClassifyContext): ExchangeError {
  if (error instanceof ExchangeError) return error;
  const raw = error instanceof Error ? error.message : String(error);
  const response = responseOf(error);
  const status = response?.status;
  const code = venueCodeOf(response?.body ?? '') ?? venueCodeOf(raw);
  const [kind, errorCode] = sort(error, ctx, status, code);
  const className = error instanceof Error ? error.constructor.name : typeof error;
  const message = redact(
    `${ctx.venue} ${ctx.operation} failed (${className}${status ? `, HTTP ${status}` : ''}): ${raw}`,
    ctx.secrets,
  );
  const details: ExchangeError['details'] = {};
  if (code !== undefined) details.venueCode = Number(code);
  if (errorCode === 'rate_limited' && ctx.retryAfterMs !== undefined)
    details.retryAfterMs = ctx.retryAfterMs;
  return new ExchangeError(kind, errorCode, message, details);
}
