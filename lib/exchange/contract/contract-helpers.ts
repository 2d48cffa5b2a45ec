import { expect } from 'vitest';
import { Decimal, dec } from '../../core/money';
import { isExchangeError, type ExchangeErrorCode } from '../exchange-error';
import { type Exchange, type ExchangeTrade, type Market } from '../types';

/** Free, locked and total of every asset, exactly. */
export type BalanceSnapshot = Map<string, { free: Decimal; locked: Decimal; total: Decimal }>;

export async function snapshot(exchange: Exchange): Promise<BalanceSnapshot> {
  const balances = await exchange.fetchBalance();
  return new Map(
    balances.map((b) => {
      const free = dec(b.free);
      const locked = dec(b.locked);
      return [b.asset, { free, locked, total: free.add(locked) }];
    }),
  );
}

const zero = { free: Decimal.ZERO, locked: Decimal.ZERO, total: Decimal.ZERO };
export const balanceOf = (s: BalanceSnapshot, asset: string) => s.get(asset) ?? zero;

/** Change of an asset's free, locked and total between two snapshots. */
export function change(before: BalanceSnapshot, after: BalanceSnapshot, asset: string) {
  const a = balanceOf(before, asset);
  const b = balanceOf(after, asset);
  return { free: b.free.sub(a.free), locked: b.locked.sub(a.locked), total: b.total.sub(a.total) };
}

/**
 * What `trades` must have done to the balances: a buy adds its quantity and spends price ×
 * quantity, a sell the reverse, and each fee comes off the asset it is charged in.
 */
export function expectedChange(trades: readonly ExchangeTrade[], market: Market) {
  let base = Decimal.ZERO;
  let quote = Decimal.ZERO;
  for (const t of trades) {
    const qty = dec(t.quantity);
    const amount = dec(t.price).mul(qty);
    base = t.side === 'buy' ? base.add(qty) : base.sub(qty);
    quote = t.side === 'buy' ? quote.sub(amount) : quote.add(amount);
    if (t.feeAsset === market.base) base = base.sub(t.fee);
    else if (t.feeAsset === market.quote) quote = quote.sub(t.fee);
    else throw new Error(`Fee in ${t.feeAsset}: the contract expects fees in base or quote`);
  }
  return { base, quote };
}

/** Asserts the balances moved by exactly what the trades say, to the last unit. */
export function expectBalancesMovedBy(
  before: BalanceSnapshot,
  after: BalanceSnapshot,
  trades: readonly ExchangeTrade[],
  market: Market,
): void {
  const expected = expectedChange(trades, market);
  expect(change(before, after, market.base).total.toString()).toBe(expected.base.toString());
  expect(change(before, after, market.quote).total.toString()).toBe(expected.quote.toString());
}

export async function tradesOf(exchange: Exchange, symbol: string, orderId: string) {
  return (await exchange.fetchMyTrades(symbol)).filter((t) => t.orderId === orderId);
}

export const sumQuantity = (trades: readonly ExchangeTrade[]) =>
  Decimal.sum(trades.map((t) => t.quantity));

/** `price × factor` on the market's tick (rounded down). */
export const priceAt = (market: Market, price: string, factor: string) =>
  dec(price).mul(factor).roundToStep(market.tickSize, 'floor').toString();

/** The smallest quantity on the step worth at least `notional` at `price`. */
export function quantityFor(market: Market, notional: Decimal, price: string): Decimal {
  const raw = notional.div(price, 18, 'up').roundToStep(market.stepSize, 'ceil');
  return Decimal.max(raw, market.minQty);
}

/** Asserts `promise` rejects with an ExchangeError of kind `rejected` and this code. */
export async function expectRejected(
  promise: Promise<unknown>,
  code: ExchangeErrorCode,
): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isExchangeError(error), `expected an ExchangeError, got ${String(error)}`).toBe(true);
  expect(error).toMatchObject({ kind: 'rejected', code });
}

let counter = 0;
/** A client id the venue accepts (Binance: 1–36 of `[.A-Z:/a-z0-9_-]`), unique in the run. */
export function clientId(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}
