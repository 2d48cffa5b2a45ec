import { findUserExchangeAccount } from '../db/queries/exchange-accounts';
import { findUserSignal, ordersOfSignal } from '../db/queries/signal-log';
import { insertSignal } from '../db/queries/signals';
import type { Order, Signal } from '../db/schema';
import { AppError } from '../errors/app-error';
import { resolveSymbolOrThrow } from '../exchange/symbols';
import type { RuleResult } from '../core/risk';
import type { TradingDeps } from '../trading/deps';
import { executeSignal } from '../trading/execute-signal';
import type { OrderInput } from './order-input';
import { signalAccount } from './signal-account';

export interface OrderOutcome {
  signalId: string;
  /** The signal's decision: executed, rejected (risk rule or check) or failed (venue). */
  decision: Signal['status'];
  reason: string | null;
  riskResults: RuleResult[];
  /** The entry (buy) or exit (sell) order it led to, when one was sent. */
  order: Order | null;
  /** True when the idempotency key had been used: nothing new was placed. */
  replayed: boolean;
}

/**
 * A manual (ticket) or API order: stored as a signal of that source and executed at once through
 * the one order path (same risk engine, same records), then reported with its decision.
 */
export async function submitOrder(
  deps: TradingDeps,
  userId: string,
  input: OrderInput,
  source: 'manual' | 'api',
): Promise<OrderOutcome> {
  const account = input.accountId
    ? await findUserExchangeAccount(deps.db, { userId, id: input.accountId })
    : (await signalAccount(deps.db, userId, null))?.account;
  if (!account)
    throw new AppError(
      input.accountId ? 'not_found' : 'unprocessable',
      input.accountId ? 'Exchange account not found.' : 'You have no exchange account to trade on.',
    );
  const exchange = await deps.exchangeFor(account);
  const market = resolveSymbolOrThrow(input.symbol, await exchange.loadMarkets());
  const { signal, duplicate } = await insertSignal(deps.db, {
    userId,
    exchangeAccountId: account.id,
    source,
    symbol: market.symbol,
    action: input.side === 'buy' ? 'buy' : 'close',
    orderType: input.type,
    quantity: input.side === 'buy' ? (input.quantity ?? null) : null,
    quoteAmount: input.quoteAmount ?? null,
    price: input.price ?? null,
    takeProfit: input.takeProfit ?? null,
    stopLoss: input.stopLoss ?? null,
    dedupeKey: input.clientRequestId ? `${source}:${input.clientRequestId}` : null,
    payload: input,
  });
  if (!duplicate) await executeSignal(deps, signal.id);
  return outcomeOf(deps, userId, signal.id, duplicate);
}

export async function outcomeOf(
  deps: TradingDeps,
  userId: string,
  signalId: string,
  replayed: boolean,
): Promise<OrderOutcome> {
  const signal = await findUserSignal(deps.db, { userId, id: signalId });
  if (!signal) throw new AppError('not_found', 'Signal not found.');
  const related = await ordersOfSignal(deps.db, { userId, signalId: signal.id });
  const order =
    related.find((o) => o.role === 'entry') ?? related.find((o) => o.role === 'exit') ?? null;
  return {
    signalId: signal.id,
    decision: signal.status,
    reason: signal.reason,
    riskResults: Array.isArray(signal.riskResults) ? (signal.riskResults as RuleResult[]) : [],
    order,
    replayed,
  };
}
