import type { RuleResult, TradingState } from '../core/risk';
import { findUserExchangeAccount } from '../db/queries/exchange-accounts';
import type { Signal } from '../db/schema';
import { AppError } from '../errors/app-error';
import { resolveSymbolOrThrow } from '../exchange/symbols';
import type { TradingDeps } from '../trading/deps';
import { entrySize } from '../trading/entry-size';
import { evaluate, loadRiskInputs } from '../trading/risk-context';
import type { OrderInput } from './order-input';
import { signalAccount } from './signal-account';

/** Taker fee assumed when sizing, as in `executeSignal`. */
const SIZING_FEE_RATE = 0.001;

export interface OrderPreview {
  symbol: string;
  approved: boolean;
  tradingState: TradingState;
  /** The price the check used: the limit price, or the venue's last price. */
  price: number;
  results: RuleResult[];
  /** The size the order would get, or why it cannot be sized. */
  size:
    | { ok: true; quantity: string; price: string; notional: string }
    | { ok: false; message: string }
    | null;
}

/**
 * The risk check the ticket shows before sending: the same inputs and rules as `executeSignal`,
 * nothing stored, no order placed. Sells are reducing orders and only checked for the kill
 * switch and trading state by the engine itself.
 */
export async function previewOrder(
  deps: TradingDeps,
  userId: string,
  input: OrderInput,
): Promise<OrderPreview> {
  const account = input.accountId
    ? await findUserExchangeAccount(deps.db, { userId, id: input.accountId })
    : (await signalAccount(deps.db, userId, null))?.account;
  if (!account) throw new AppError('unprocessable', 'You have no exchange account to trade on.');
  const exchange = await deps.exchangeFor(account);
  const market = resolveSymbolOrThrow(input.symbol, await exchange.loadMarkets());
  const price =
    input.type === 'limit' && input.price
      ? Number(input.price)
      : (await exchange.fetchTicker(market.symbol)).last;
  const side = input.side;
  const inputs = await loadRiskInputs(
    deps.db,
    { userId, accountId: account.id, bot: null, market, side, price, now: deps.now() },
    exchange.fetchBalance(),
  );
  const stopPrice = input.stopLoss ? Number(input.stopLoss) : null;
  const order = {
    symbol: market.symbol,
    side,
    reducing: side === 'sell',
    price,
    stopPrice,
    confidence: null,
    botId: null,
  };
  const first = evaluate(inputs, order);
  if (side === 'sell')
    return {
      symbol: market.symbol,
      approved: first.approved,
      tradingState: first.tradingState,
      price,
      results: first.results,
      size: null,
    };
  // Sizing reads only the requested quantity / amount of the signal.
  const requested = {
    quantity: input.quantity ?? null,
    quoteAmount: input.quoteAmount ?? null,
  } as Signal;
  const size = entrySize({
    signal: requested,
    bot: null,
    market,
    price,
    stopPrice,
    botRealised: { realised: 0, closedTrades: 0 },
    policy: inputs.policy,
    freeQuote: inputs.freeQuote,
    positionValue: inputs.positionValue,
    sizeMultiplier: first.sizeMultiplier,
    feeRate: SIZING_FEE_RATE,
  });
  if (!size.ok)
    return {
      symbol: market.symbol,
      approved: false,
      tradingState: first.tradingState,
      price,
      results: first.results,
      size: { ok: false, message: size.message },
    };
  const second = evaluate(inputs, { ...order, quantity: size.quantity, price: size.price });
  return {
    symbol: market.symbol,
    approved: second.approved,
    tradingState: second.tradingState,
    price,
    results: second.results,
    size: {
      ok: true,
      quantity: size.quantityText,
      price: size.priceText,
      notional: size.notionalText,
    },
  };
}
