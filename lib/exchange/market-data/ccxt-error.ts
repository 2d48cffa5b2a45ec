/**
 * ccxt errors from read-only market data calls as `ExchangeError`s. Reads are always safe to
 * repeat, so "outcome unknown" does not arise here: network trouble is `retry`.
 */
import ccxt from 'ccxt';
import { ExchangeError } from '../exchange-error';

export function marketDataError(error: unknown, what: string): ExchangeError {
  if (error instanceof ExchangeError) return error;
  const message = `${what}: ${error instanceof Error ? error.message : String(error)}`;
  const details = { cause: error };
  if (error instanceof ccxt.BadSymbol)
    return new ExchangeError('rejected', 'bad_symbol', message, details);
  if (error instanceof ccxt.DDoSProtection || error instanceof ccxt.RateLimitExceeded) {
    return new ExchangeError('retry', 'rate_limited', message, details);
  }
  if (error instanceof ccxt.RequestTimeout)
    return new ExchangeError('retry', 'timeout', message, details);
  if (error instanceof ccxt.ExchangeNotAvailable || error instanceof ccxt.OnMaintenance) {
    return new ExchangeError('retry', 'unavailable', message, details);
  }
  if (error instanceof ccxt.NetworkError)
    return new ExchangeError('retry', 'network', message, details);
  if (error instanceof ccxt.AuthenticationError)
    return new ExchangeError('rejected', 'auth', message, details);
  return new ExchangeError('rejected', 'venue_error', message, details);
}
