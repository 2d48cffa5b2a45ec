import { openPositions } from '../db/queries/positions';
import { claimSignal, decideSignal, type ClaimedSignal } from '../db/queries/signals';
import type { Bot, Signal } from '../db/schema';
import { AppError } from '../errors/app-error';
import type { Exchange, Market } from '../exchange/types';
import { logSystem } from '../log/system-log';
import { closePosition } from './close-position';
import type { TradingDeps, TradingEvent } from './deps';
import { openPosition } from './open-position';
import { orderEvent, sendOrder } from './place-order';
import { admitEntry } from './admit-entry';

export type ExecuteOutcome =
  | { status: 'not_queued' }
  | { status: 'executed' | 'rejected' | 'failed'; signal: Signal; reason?: string };

/**
 * The one order path (DESIGN §4). Takes a queued signal (only one process can), validates it
 * against the venue's markets, runs every risk rule (each result stored on the signal), sizes
 * the order, commits the order intent, sends it, and on fill opens the position with its
 * protection. A sell or close signal closes the matching open position. The signal always ends
 * with a decision: executed, rejected (by a rule or a check) or failed (the venue or a fault).
 */
export async function executeSignal(deps: TradingDeps, signalId: string): Promise<ExecuteOutcome> {
  const claimed = await claimSignal(deps.db, signalId);
  if (!claimed) return { status: 'not_queued' };
  const { signal } = claimed;
  try {
    return await run(deps, claimed);
  } catch (error) {
    const reason =
      error instanceof AppError
        ? error.message
        : `Internal error: ${error instanceof Error ? error.message : String(error)}`;
    if (!(error instanceof AppError)) {
      await logSystem(deps.db, {
        level: 'error',
        source: 'trading',
        message: `Signal ${signal.id} failed: ${reason}`,
        context: { signalId: signal.id },
      });
    }
    return finish(
      deps,
      signal,
      error instanceof AppError && error.status < 500 ? 'rejected' : 'failed',
      reason,
    );
  }
}

async function finish(
  deps: TradingDeps,
  signal: Signal,
  status: 'executed' | 'rejected' | 'failed',
  reason?: string,
  riskResults?: unknown,
) {
  const event: TradingEvent<'signal:decided'> = {
    type: 'signal:decided',
    userId: signal.userId,
    payload: {
      signalId: signal.id,
      botId: signal.botId,
      status,
      reason: reason ?? null,
      at: deps.now().toISOString(),
    },
  };
  const notify = deps.encodeEvent?.(event) ?? null;
  const decided = await decideSignal(
    deps.db,
    signal.id,
    { status, reason, riskResults },
    deps.now(),
    notify,
  );
  if (!notify) await deps.notify(event);
  return { status, signal: decided, reason };
}

async function run(deps: TradingDeps, claimed: ClaimedSignal): Promise<ExecuteOutcome> {
  const { signal, account, bot } = claimed;
  if (!account) throw new AppError('not_found', 'Exchange account not found.');
  if (account.userId !== signal.userId)
    throw new AppError('forbidden', 'That exchange account is not yours.');
  const exchange = await deps.exchangeFor(account);
  const market = (await exchange.loadMarkets()).get(signal.symbol);
  if (!market)
    return finish(deps, signal, 'rejected', `Unknown symbol ${signal.symbol} on ${account.venue}.`);
  if (!market.active)
    return finish(
      deps,
      signal,
      'rejected',
      `${signal.symbol} is not trading on ${account.venue} right now.`,
    );
  if (signal.action === 'sell' || signal.action === 'close')
    return closeForSignal(deps, signal, exchange, market);
  return buy(deps, signal, bot, exchange, market);
}

async function closeForSignal(
  deps: TradingDeps,
  signal: Signal,
  exchange: Exchange,
  market: Market,
): Promise<ExecuteOutcome> {
  const open = await openPositions(deps.db, {
    accountId: signal.exchangeAccountId,
    symbol: market.symbol,
    ...(signal.botId ? { botId: signal.botId } : {}),
  });
  const targets = open.filter((p) => p.status === 'open');
  if (targets.length === 0)
    return finish(deps, signal, 'rejected', `No open ${market.symbol} position to close.`);
  const results = [];
  for (const position of targets)
    results.push(await closePosition(deps, position.id, 'signal', { exchange, market }));
  const failed = results.find((r) => r.status === 'failed');
  if (failed && failed.status === 'failed') return finish(deps, signal, 'failed', failed.message);
  return finish(
    deps,
    signal,
    'executed',
    `Closed ${targets.length} position${targets.length > 1 ? 's' : ''}.`,
  );
}

async function buy(
  deps: TradingDeps,
  signal: Signal,
  bot: Bot | null,
  exchange: Exchange,
  market: Market,
): Promise<ExecuteOutcome> {
  const now = deps.now();
  // The venue's balances are asked for with its price, before the order lock below (a slow
  // venue never holds the lock up); the venue itself refuses an order they cannot pay for.
  const [ticker, balances] = await Promise.all([
    exchange.fetchTicker(market.symbol),
    exchange.fetchBalance(),
  ]);
  const price = signal.orderType === 'limit' && signal.price ? Number(signal.price) : ticker.last;
  if (!Number.isFinite(price) || price <= 0)
    return finish(deps, signal, 'rejected', `No usable price for ${market.symbol}.`);
  const stopPct = bot?.stopLossPct ? Number(bot.stopLossPct) : null;
  const stopPrice = signal.stopLoss
    ? Number(signal.stopLoss)
    : stopPct
      ? price * (1 - stopPct / 100)
      : null;

  const admission = await admitEntry(deps, {
    signal,
    bot,
    market,
    price,
    stopPrice,
    now,
    balances,
  });
  if ('rejected' in admission)
    return finish(deps, signal, 'rejected', admission.rejected, admission.results);
  const { intent, request, results } = admission;
  const placed = await sendOrder(deps, exchange, intent, request);
  if (placed.outcome === 'rejected')
    return finish(
      deps,
      signal,
      'failed',
      `The exchange refused the order: ${placed.error.message}`,
      results,
    );
  if (placed.outcome === 'unknown') {
    return finish(
      deps,
      signal,
      'failed',
      `The exchange did not confirm the order (${placed.error.message}); reconciliation will settle it by its client order id.`,
      results,
    );
  }
  await deps.notify({
    type: 'order:updated',
    userId: signal.userId,
    payload: orderEvent(placed.order, deps.now()),
  });
  if (placed.venueOrder.status === 'filled') {
    await openPosition(deps, exchange, market, placed.order, placed.venueOrder, {
      userId: signal.userId,
      accountId: signal.exchangeAccountId,
      botId: bot?.id ?? null,
      signalId: signal.id,
      source: signal.source,
      takeProfit: signal.takeProfit,
      stopLoss: signal.stopLoss,
      takeProfitPct: bot?.takeProfitPct ?? null,
      stopLossPct: bot?.stopLossPct ?? null,
      maxHoldMinutes: bot?.maxHoldMinutes ?? null,
    });
  }
  return finish(
    deps,
    signal,
    'executed',
    placed.venueOrder.status === 'filled'
      ? undefined
      : 'Order placed; the position opens when it fills.',
    results,
  );
}
