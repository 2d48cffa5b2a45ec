import { ExchangeError } from '../exchange-error';

/** True for PostgreSQL's unique violation, raw or wrapped by the query builder. */
function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/**
 * What a failed placement of an order or OCO list answers. A second one under a client id
 * already used is "Duplicate order sent." (Binance's words): the insert's unique violation, or a
 * funds rejection (the check runs before the insert, and the first one may have spent the funds)
 * for a client id that `exists`. Anything else is answered as it is.
 */
export async function placementError(
  error: unknown,
  exists: () => Promise<unknown>,
): Promise<unknown> {
  const shortOfFunds = error instanceof ExchangeError && error.code === 'insufficient_funds';
  if (isUniqueViolation(error) || (shortOfFunds && (await exists())))
    return new ExchangeError('rejected', 'invalid_order', 'Duplicate order sent.');
  return error;
}
