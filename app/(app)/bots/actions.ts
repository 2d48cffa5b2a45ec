'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { userAction } from '@/lib/auth/action';
import {
  findUserExchangeAccount,
  findDefaultExchangeAccount,
} from '@/lib/db/queries/exchange-accounts';
import { ensurePaperAccount } from '@/lib/db/queries/paper';
import { AppError } from '@/lib/errors/app-error';
import { searchSymbols } from '@/lib/exchange/symbols';
import { botInputSchema, botPatchSchema } from '@/lib/trading/bot-input';
import { commandBot, createBot, editBot, removeBot } from '@/lib/trading/bots';
import { getTrading } from '@/lib/trading/runtime';

const idSchema = z.uuid('Bot not found.');

function refresh(id?: string) {
  revalidatePath('/bots');
  revalidatePath('/dashboard');
  if (id) revalidatePath(`/bots/${id}`);
}

/** Creates a stopped bot from the form (the same schema as `POST /api/bots`). */
export const createBotAction = userAction(botInputSchema, async (input, user) => {
  const bot = await createBot(getTrading().deps, user.id, input);
  refresh(bot.id);
  return { id: bot.id };
});

export const editBotAction = userAction(
  botPatchSchema.extend({ id: idSchema }),
  async ({ id, ...input }, user) => {
    const bot = await editBot(getTrading().deps, user.id, id, input);
    refresh(bot.id);
    return { id: bot.id };
  },
);

export const commandBotAction = userAction(
  z.object({ id: idSchema, command: z.enum(['start', 'stop', 'pause', 'resume']) }),
  async ({ id, command }, user) => {
    const bot = await commandBot(getTrading().deps, user.id, id, command);
    refresh(bot.id);
    return { id: bot.id, status: bot.status };
  },
);

export const deleteBotAction = userAction(z.object({ id: idSchema }), async ({ id }, user) => {
  await removeBot(getTrading().deps.db, user.id, id);
  refresh();
  return { id };
});

/** Symbol picker: the account's active markets matching the query, best first. */
export const searchSymbolsAction = userAction(
  z.object({ query: z.string().trim().max(40), exchangeAccountId: z.uuid().optional() }),
  async ({ query, exchangeAccountId }, user) => {
    const { deps } = getTrading();
    const account = exchangeAccountId
      ? await findUserExchangeAccount(deps.db, { userId: user.id, id: exchangeAccountId })
      : ((await findDefaultExchangeAccount(deps.db, user.id)) ??
        (await ensurePaperAccount(deps.db, user.id)));
    if (!account) throw new AppError('bad_request', 'Unknown exchange account.');
    if (!query) return [];
    const markets = await (await deps.exchangeFor(account)).loadMarkets();
    return searchSymbols(markets, query, 8).map((m) => ({
      symbol: m.symbol,
      base: m.base,
      quote: m.quote,
    }));
  },
);
