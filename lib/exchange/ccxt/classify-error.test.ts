import ccxt from 'ccxt';
import { describe, expect, it } from 'vitest';
import { ExchangeError } from '../exchange-error';
import { type ClassifyContext, classifyCcxtError, venueCodeOf } from './classify-error';

const ctx = (over: Partial<ClassifyContext> = {}): ClassifyContext => ({
  venue: 'binance',
  operation: 'createOrder',
  write: true,
  notFoundCodes: ['-2013', '-2011'],
  secrets: ['s3cr3t'],
  ...over,
});

const sorted = (error: unknown, over: Partial<ClassifyContext> = {}) => {
  const e = classifyCcxtError(error, ctx(over));
  return [e.kind, e.code];
};

describe('classifyCcxtError', () => {
  it('rejected for sure', () => {
    expect(
      sorted(
        new ccxt.InsufficientFunds(
          'binance Account has insufficient balance for requested action.',
        ),
      ),
    ).toEqual(['rejected', 'insufficient_funds']);
    expect(
      sorted(
        new ccxt.AuthenticationError(
          'binance {"code":-1022,"msg":"Signature for this request is not valid."}',
        ),
      ),
    ).toEqual(['rejected', 'auth']);
    expect(sorted(new ccxt.PermissionDenied('forbidden'))).toEqual(['rejected', 'auth']);
    expect(sorted(new ccxt.BadSymbol('binance {"code":-1121,"msg":"Invalid symbol."}'))).toEqual([
      'rejected',
      'bad_symbol',
    ]);
    expect(
      sorted(
        new ccxt.InvalidOrder(
          'binance order amount should be evenly divisible by lot size {"code":-1013,"msg":"Filter failure: LOT_SIZE"}',
        ),
      ),
    ).toEqual(['rejected', 'filter_violation']);
    expect(sorted(new ccxt.InvalidOrder('binance Stop price would trigger immediately.'))).toEqual([
      'rejected',
      'invalid_order',
    ]);
    expect(
      sorted(new ccxt.BadRequest('binance {"code":-1102,"msg":"Mandatory parameter"}')),
    ).toEqual(['rejected', 'invalid_order']);
    expect(
      sorted(
        new ccxt.InvalidNonce(
          'binance {"code":-1021,"msg":"Timestamp for this request is outside of the recvWindow."}',
        ),
      ),
    ).toEqual(['rejected', 'venue_error']);
  });

  it('not found by class or by the venue code, whatever class carries it', () => {
    expect(
      sorted(new ccxt.OrderNotFound('binance {"code":-2013,"msg":"Order does not exist."}')),
    ).toEqual(['rejected', 'order_not_found']);
    expect(
      sorted(new ccxt.InvalidOrder('alpaca {"code":40410000,"message":"order not found"}'), {
        notFoundCodes: ['40410000'],
      }),
    ).toEqual(['rejected', 'order_not_found']);
  });

  it('outcome unknown on writes, retry on reads', () => {
    for (const [error, code] of [
      [new ccxt.RequestTimeout('timed out'), 'timeout'],
      [new ccxt.NetworkError('fetch failed: other side closed'), 'network'],
      [new ccxt.ExchangeNotAvailable('binance POST 503 Service Unavailable'), 'unavailable'],
      [
        new ccxt.OperationFailed(
          'binance {"code":-1006,"msg":"An unexpected response was received from the message bus. Execution status unknown."}',
        ),
        'venue_error',
      ],
      [new TypeError('boom'), 'venue_error'],
    ] as const) {
      expect(sorted(error)).toEqual(['unknown', code]);
      expect(sorted(error, { write: false })).toEqual(['retry', code]);
    }
  });

  it('rate limits and maintenance are retry, with the back-off left', () => {
    const e = classifyCcxtError(
      new ccxt.DDoSProtection('binance 429 Too Many Requests'),
      ctx({ retryAfterMs: 7000 }),
    );
    expect([e.kind, e.code, e.retryAfterMs]).toEqual(['retry', 'rate_limited', 7000]);
    expect(sorted(new ccxt.RateLimitExceeded('alpaca rate limit exceeded'))).toEqual([
      'retry',
      'rate_limited',
    ]);
    expect(sorted(new ccxt.OnMaintenance('System is under maintenance.'))).toEqual([
      'retry',
      'unavailable',
    ]);
  });

  it('keeps the venue code, never the secret, and passes ExchangeErrors through', () => {
    const e = classifyCcxtError(
      new ccxt.ExchangeError('binance {"code":-9999,"msg":"odd s3cr3t"}'),
      ctx(),
    );
    expect([e.kind, e.code, e.details.venueCode]).toEqual(['rejected', 'venue_error', -9999]);
    expect(e.message).toBe(
      'binance createOrder failed (ExchangeError): binance {"code":-9999,"msg":"odd [redacted]"}',
    );
    const own = new ExchangeError('retry', 'rate_limited', 'x');
    expect(classifyCcxtError(own, ctx())).toBe(own);
  });

  it('venueCodeOf reads Binance and Alpaca bodies', () => {
    expect(venueCodeOf('{"code":-2010,"msg":"x"}')).toBe('-2010');
    expect(venueCodeOf('{"code": 40310000, "message":"x"}')).toBe('40310000');
    expect(venueCodeOf('<html>503</html>')).toBeUndefined();
  });
});
