/** Test helper: a funded paper user whose AI settings point at the fake LLM, with an AI bot. */
import { createAiStrategy, saveAiSettings } from '../ai';
import { type KeyRing } from '../crypto/secret-box';
import { type Db } from '../db/client';
import { insertPosition } from '../db/queries/positions';
import { type Bot, type Position } from '../db/schema';
import { createTradingFixture, MINUTE, T0 } from '../../test/trading/trading-fixture';
import { botInputSchema } from '../trading/bot-input';
import { commandBot, createBot } from '../trading/bots';
import { createAiDecider } from './create-ai-decider';

export async function createAiBotFixture(db: Db, fakeUrl: string, ring: KeyRing) {
  const f = await createTradingFixture(db, { price: 30000 });
  f.at(T0 - 120 * MINUTE, 30000);
  f.at(T0 - MINUTE + 30_000, 30000);
  f.at(T0 + 5_000);
  await saveAiSettings(
    db,
    f.user.id,
    {
      provider: 'openai',
      model: 'gpt-4.1-mini',
      apiKey: 'test-key',
      baseUrl: `${fakeUrl}/v1`,
      timeoutMs: 5000,
    },
    ring,
  );
  const { strategy, version } = await createAiStrategy(db, f.user.id, {
    name: 'SMC',
    templateId: 'ict-smc',
  });
  const bot = await createBot(
    f.deps,
    f.user.id,
    botInputSchema.parse({
      name: 'AI bot',
      symbol: 'btcusdt',
      timeframe: '1m',
      strategyKind: 'ai',
      strategyId: strategy.id,
      tradeAmount: '500',
      maxHoldMinutes: 60,
    }),
  );
  await commandBot(f.deps, f.user.id, bot.id, 'start');
  const decider = createAiDecider(f.deps, { ring });
  return { f, strategy, version, bot, decider };
}

/** A closed position of `bot` (a take-profit win unless `pnl` is negative), closed at `closedAt`. */
export function insertClosedPosition(
  db: Db,
  bot: Pick<Bot, 'id' | 'userId' | 'exchangeAccountId' | 'symbol'>,
  closedAt: Date,
  pnl = '12',
): Promise<Position> {
  const win = !pnl.startsWith('-');
  return insertPosition(db, {
    userId: bot.userId,
    exchangeAccountId: bot.exchangeAccountId,
    botId: bot.id,
    symbol: bot.symbol,
    status: 'closed',
    quantity: '0.01',
    entryPrice: '30000',
    entryCost: '300',
    protection: 'emulated',
    openedAt: new Date(closedAt.getTime() - 10 * MINUTE),
    exitPrice: win ? '31200' : '29000',
    exitFee: '0',
    exitReason: win ? 'take_profit' : 'stop_loss',
    realizedPnl: pnl,
    realizedPnlPct: win ? '4' : '-3.3',
    closedAt,
    durationMs: 10 * MINUTE,
  });
}
