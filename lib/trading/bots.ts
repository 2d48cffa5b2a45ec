import { checkAiBotStrategy } from '../ai-runtime/ai-bot-strategy';
import { parseStrategyParams, StrategyError } from '../core/strategy';
import type { Db } from '../db/client';
import { deleteBot, findUserBot, insertBot, updateBot } from '../db/queries/bots';
import {
  findDefaultExchangeAccount,
  findUserExchangeAccount,
} from '../db/queries/exchange-accounts';
import { ensurePaperAccount } from '../db/queries/paper';
import { openPositions } from '../db/queries/positions';
import type { Bot, ExchangeAccount } from '../db/schema';
import { AppError } from '../errors/app-error';
import { resolveSymbolOrThrow } from '../exchange/symbols';
import type { BotInput, BotPatch } from './bot-input';
import type { TradingDeps } from './deps';

type Deps = Pick<TradingDeps, 'db' | 'exchangeFor' | 'now'>;

async function accountFor(
  db: Db,
  userId: string,
  id: string | undefined,
): Promise<ExchangeAccount> {
  if (id) {
    const account = await findUserExchangeAccount(db, { userId, id });
    if (!account)
      throw new AppError('bad_request', 'Unknown exchange account.', {
        exchangeAccountId: ['Unknown exchange account.'],
      });
    return account;
  }
  return (await findDefaultExchangeAccount(db, userId)) ?? (await ensurePaperAccount(db, userId));
}

function strategyParamsOrThrow(input: {
  strategyKind: string;
  strategyId: string;
  strategyParams: Record<string, unknown>;
}) {
  if (input.strategyKind !== 'rule') return input.strategyParams;
  try {
    return parseStrategyParams(input.strategyId, input.strategyParams);
  } catch (error) {
    if (error instanceof StrategyError)
      throw new AppError('bad_request', error.message, { strategyId: [error.message] });
    throw error;
  }
}

/**
 * The strategy fields as they are stored: an AI strategy (and pinned version) must be the user's
 * and runnable; a rule strategy pins no version.
 */
async function strategyChoice(
  db: Db,
  userId: string,
  input: { strategyKind?: 'rule' | 'ai'; strategyId?: string; strategyVersionId?: string | null },
): Promise<{ strategyVersionId?: string | null }> {
  if (input.strategyKind === 'rule') return { strategyVersionId: null };
  if (input.strategyKind === 'ai' && input.strategyId) {
    const strategyVersionId = input.strategyVersionId ?? null;
    await checkAiBotStrategy(db, userId, { strategyId: input.strategyId, strategyVersionId });
    return { strategyVersionId };
  }
  if (input.strategyVersionId !== undefined)
    throw new AppError('bad_request', 'Send the strategy kind and id with its version.');
  return {};
}

/** Creates a stopped bot; the symbol is resolved against the account's venue (`btc` → `BTC/USDT`). */
export async function createBot(deps: Deps, userId: string, input: BotInput): Promise<Bot> {
  const account = await accountFor(deps.db, userId, input.exchangeAccountId);
  const market = resolveSymbolOrThrow(
    input.symbol,
    await (await deps.exchangeFor(account)).loadMarkets(),
  );
  const strategyParams = strategyParamsOrThrow(input);
  const choice = await strategyChoice(deps.db, userId, input);
  return insertBot(deps.db, {
    ...input,
    ...choice,
    userId,
    exchangeAccountId: account.id,
    symbol: market.symbol,
    strategyParams,
    stopLossPct: input.stopLossPct?.toString() ?? null,
    takeProfitPct: input.takeProfitPct?.toString() ?? null,
    maxHoldMinutes:
      input.maxHoldMinutes === undefined
        ? input.timeframe === '1m'
          ? 30
          : null
        : input.maxHoldMinutes,
    riskOverrides: input.riskOverrides,
    status: 'stopped',
  });
}

export async function getBotOrThrow(db: Db, userId: string, id: string): Promise<Bot> {
  const bot = await findUserBot(db, { userId, id });
  if (!bot) throw new AppError('not_found', 'Bot not found.');
  return bot;
}

/** Edits a bot; the strategy, symbol or account can change only while it is stopped. */
export async function editBot(
  deps: Deps,
  userId: string,
  id: string,
  patch: BotPatch,
): Promise<Bot> {
  const bot = await getBotOrThrow(deps.db, userId, id);
  const structural =
    patch.symbol !== undefined ||
    patch.exchangeAccountId !== undefined ||
    patch.strategyId !== undefined ||
    patch.strategyKind !== undefined;
  if (structural && bot.status !== 'stopped')
    throw new AppError('conflict', 'Stop the bot before changing its symbol, account or strategy.');
  const account = await accountFor(
    deps.db,
    userId,
    patch.exchangeAccountId ?? bot.exchangeAccountId,
  );
  const symbol = patch.symbol
    ? resolveSymbolOrThrow(patch.symbol, await (await deps.exchangeFor(account)).loadMarkets())
        .symbol
    : bot.symbol;
  const merged = {
    strategyKind: patch.strategyKind ?? bot.strategyKind,
    strategyId: patch.strategyId ?? bot.strategyId,
    strategyParams: patch.strategyParams ?? bot.strategyParams,
  };
  const choice = await strategyChoice(deps.db, userId, patch);
  return updateBot(deps.db, bot.id, {
    ...patch,
    ...choice,
    exchangeAccountId: account.id,
    symbol,
    strategyParams: strategyParamsOrThrow(merged),
    stopLossPct:
      patch.stopLossPct === undefined ? undefined : (patch.stopLossPct?.toString() ?? null),
    takeProfitPct:
      patch.takeProfitPct === undefined ? undefined : (patch.takeProfitPct?.toString() ?? null),
    riskOverrides: patch.riskOverrides,
  });
}

export type BotCommand = 'start' | 'stop' | 'pause' | 'resume';

/**
 * Start/resume: cycles begin at once (next slot = now). Stop/pause: no more cycles; open
 * positions stay protected and monitored either way. Only a stopped bot can be deleted.
 */
export async function commandBot(
  deps: Deps,
  userId: string,
  id: string,
  command: BotCommand,
): Promise<Bot> {
  const bot = await getBotOrThrow(deps.db, userId, id);
  const now = deps.now();
  switch (command) {
    case 'start':
    case 'resume':
      if (bot.status === 'running') return bot;
      if (command === 'resume' && bot.status !== 'paused')
        throw new AppError('conflict', 'Only a paused bot can be resumed.');
      return updateBot(deps.db, bot.id, {
        status: 'running',
        nextCycleAt: now,
        leaseOwner: null,
        leaseUntil: null,
      });
    case 'pause':
      if (bot.status !== 'running')
        throw new AppError('conflict', 'Only a running bot can be paused.');
      return updateBot(deps.db, bot.id, { status: 'paused' });
    case 'stop':
      return updateBot(deps.db, bot.id, { status: 'stopped', nextCycleAt: null });
  }
}

export async function removeBot(db: Db, userId: string, id: string): Promise<void> {
  const bot = await getBotOrThrow(db, userId, id);
  if (bot.status !== 'stopped') throw new AppError('conflict', 'Stop the bot before deleting it.');
  if ((await openPositions(db, { botId: bot.id })).length > 0)
    throw new AppError('conflict', 'The bot still has an open position; close it first.');
  await deleteBot(db, bot.id);
}
