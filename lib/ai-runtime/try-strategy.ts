/**
 * "Try now": one decision by a strategy version on the current market for a symbol, without a
 * bot and without trading. The call is budgeted and written to the ledger like any decision
 * (`bot_id` null), so what it cost shows up in the user's spend.
 */
import {
  decide,
  getAiStrategyVersion,
  getCurrentAiStrategyVersion,
  loadAiSettings,
  type AiDecision,
} from '../ai';
import { type KeyRing } from '../crypto/secret-box';
import {
  findDefaultExchangeAccount,
  findUserExchangeAccount,
} from '../db/queries/exchange-accounts';
import { ensurePaperAccount } from '../db/queries/paper';
import { type AiDecisionRow, type ExchangeAccount } from '../db/schema';
import { AppError } from '../errors/app-error';
import { resolveSymbolOrThrow } from '../exchange/symbols/resolve-symbol';
import { type TradingDeps } from '../trading/deps';
import { CONTEXT_CANDLES } from '../trading/run-bot-cycle';
import { quoteBalance } from './build-ai-context';
import { type TryStrategyInput } from './schemas';
import { fetchClosedCandles } from '../exchange/closed-candles';

export interface TryStrategyResult {
  decision: AiDecision;
  /** The ledger row: prompt, raw response, tokens, cost, latency, provider, model. */
  ledger: AiDecisionRow;
}

async function accountOf(
  deps: Pick<TradingDeps, 'db'>,
  userId: string,
  id: string | undefined,
): Promise<ExchangeAccount> {
  if (id) {
    const account = await findUserExchangeAccount(deps.db, { userId, id });
    if (!account) throw new AppError('not_found', 'Exchange account not found.');
    return account;
  }
  return (await findDefaultExchangeAccount(deps.db, userId)) ?? ensurePaperAccount(deps.db, userId);
}

export async function tryStrategy(
  deps: Pick<TradingDeps, 'db' | 'exchangeFor' | 'now'>,
  userId: string,
  strategyId: string,
  input: TryStrategyInput,
  options: { signal?: AbortSignal; ring?: KeyRing } = {},
): Promise<TryStrategyResult> {
  const { db } = deps;
  const version = input.versionId
    ? (await getAiStrategyVersion(db, { userId, versionId: input.versionId })).version
    : await getCurrentAiStrategyVersion(db, { userId, strategyId });
  if (version.strategyId !== strategyId)
    throw new AppError('not_found', 'AI strategy version not found.');
  const exchange = await deps.exchangeFor(await accountOf(deps, userId, input.exchangeAccountId));
  const market = resolveSymbolOrThrow(input.symbol, await exchange.loadMarkets());
  const now = deps.now();
  const candles = await fetchClosedCandles(
    exchange,
    market.symbol,
    input.timeframe,
    CONTEXT_CANDLES,
    now,
  );
  const { decision, ledgerRow } = await decide(db, {
    userId,
    botId: null,
    strategyVersion: version,
    settings: await loadAiSettings(db, userId, options.ring),
    context: {
      symbol: market.symbol,
      timeframe: input.timeframe,
      candles,
      position: null,
      balance: await quoteBalance(exchange, market.symbol),
      closedTrades: [],
    },
    now,
    signal: options.signal,
  });
  return { decision, ledger: ledgerRow };
}
