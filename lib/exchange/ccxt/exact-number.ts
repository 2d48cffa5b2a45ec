/**
 * ccxt takes amounts and prices as JS numbers. A decimal string survives that only when its
 * shortest round-trip form is the same decimal; otherwise the venue would get a different
 * quantity than the one we booked, so the order is refused before any request.
 */
import { ExchangeError } from '../exchange-error';
import { type OrderRequest } from '../types';
import { decimalText } from './raw-fields';

export function exactNumber(text: string, field: string, symbol: string): number {
  const n = Number(text);
  if (decimalText(n) !== decimalText(text)) {
    throw new ExchangeError(
      'rejected',
      'invalid_order',
      `${symbol}: ${field} ${text} has more digits than the venue client can carry exactly`,
    );
  }
  return n;
}

/** Checks every number of an order; returns the quantity as a number. */
export function exactOrderNumbers(request: OrderRequest): number {
  if (request.price !== undefined) exactNumber(request.price, 'price', request.symbol);
  if (request.stopPrice !== undefined) exactNumber(request.stopPrice, 'stop price', request.symbol);
  return exactNumber(request.quantity, 'quantity', request.symbol);
}
