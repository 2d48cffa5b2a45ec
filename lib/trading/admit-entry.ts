import type { RuleResult } from '../core/risk';
import { withUserOrderLock } from '../db/queries/order-lock';
import type { Bot, Order, Signal } from '../db/schema';
import type { AssetBalance, Market, OrderRequest } from '../exchange/types';
import { newClientOrderId } from './client-order-id';
import type { TradingDeps } from './deps';
import { entrySize } from './entry-size';
import { insertIntent } from './place-order';
import { evaluate, loadRiskInputs } from './risk-context';

/** Taker fee assumed when sizing (the venue's real fee is booked from the fill). */
const SIZING_FEE_RATE = 0.001;

/**
 * A buy the risk engine let through (its intent committed, and the venue request to send for it,
 * built from the same values), or the reason it did not.
 */
export type Admission =
  | { rejected: string; results: RuleResult[] }
  | { intent: Order; request: Omit<OrderRequest, 'clientOrderId'>; results: RuleResult[] };

/**
 * The risk engine's gate for a new entry: reads the user's risk counters, evaluates every rule
 * on the order and again once it is sized, and commits the order intent — all under the user's
 * order lock, so a second signal of this user (any lane, any worker) waits here and then sees
 * this one's order. Nothing in it asks the venue: price and balances come in already fetched.
 */
export function admitEntry(
  deps: TradingDeps,
  input: {
    signal: Signal;
    bot: Bot | null;
    market: Market;
    price: number;
    stopPrice: number | null;
    now: Date;
    balances: AssetBalance[];
  },
): Promise<Admission> {
  const { signal, bot, market, price, stopPrice, now, balances } = input;
  const isLimit = signal.orderType === 'limit';
  return withUserOrderLock(deps.db, signal.userId, async (tx) => {
    const inputs = await loadRiskInputs(
      tx,
      {
        userId: signal.userId,
        accountId: signal.exchangeAccountId,
        bot,
        market,
        side: 'buy',
        price,
        now,
      },
      balances,
    );
    const order = {
      symbol: market.symbol,
      side: 'buy' as const,
      reducing: false,
      price,
      stopPrice,
      confidence: signal.confidence,
      botId: bot?.id ?? null,
    };
    const first = evaluate(inputs, order);
    if (!first.approved)
      return { rejected: first.failures.map((f) => f.message).join(' '), results: first.results };
    const size = entrySize({
      signal,
      bot,
      market,
      price,
      stopPrice,
      botRealised: inputs.botRealised,
      policy: inputs.policy,
      freeQuote: inputs.freeQuote,
      positionValue: inputs.positionValue,
      sizeMultiplier: first.sizeMultiplier,
      feeRate: SIZING_FEE_RATE,
    });
    if (!size.ok) return { rejected: size.message, results: first.results };
    const second = evaluate(inputs, { ...order, quantity: size.quantity, price: size.price });
    if (!second.approved)
      return {
        rejected: second.failures.map((f) => f.message).join(' '),
        results: second.results,
      };
    const request: Omit<OrderRequest, 'clientOrderId'> = {
      symbol: market.symbol,
      side: 'buy',
      type: isLimit ? 'limit' : 'market',
      quantity: size.quantityText,
      ...(isLimit ? { price: size.priceText } : {}),
    };
    const intent = await insertIntent(
      tx,
      {
        ...request,
        price: request.price ?? null,
        userId: signal.userId,
        exchangeAccountId: signal.exchangeAccountId,
        signalId: signal.id,
        botId: bot?.id ?? null,
        clientOrderId: newClientOrderId('entry'),
        role: 'entry',
        source: signal.source,
      },
      deps.now(),
    );
    return { intent, request, results: second.results };
  });
}
