import { notFound } from 'next/navigation';
import { BotForm } from '@/components/bots/bot-form';
import { Card } from '@/components/ui/card';
import { Toaster } from '@/components/ui/toast';
import { loadAiSettings } from '@/lib/ai';
import { aiStrategyOptions } from '@/lib/ai-runtime/ai-bot-strategy';
import { requireUser } from '@/lib/auth/current-user';
import { listStrategies } from '@/lib/core/strategy';
import { TIMEFRAME_MS } from '@/lib/core/types';
import { findUserBot } from '@/lib/db/queries/bots';
import { getTrading } from '@/lib/trading/runtime';
import { loadAccounts } from '../../../dashboard/load-market';
import { isUuid } from '@/lib/core/is-uuid';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Edit bot' };

export default async function EditBotPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const bot = await findUserBot(getTrading().deps.db, { userId: user.id, id });
  if (!bot) notFound();
  const accounts = await loadAccounts(user.id);
  const db = getTrading().deps.db;
  const ai = await loadAiSettings(db, user.id);
  const aiStrategies = await aiStrategyOptions(db, user.id, ai);
  const str = (v: unknown) => (typeof v === 'number' || typeof v === 'string' ? String(v) : '');
  return (
    <div className="max-w-5xl space-y-6">
      <Toaster />
      <h1 className="text-2xl font-bold text-slate-100">Edit {bot.name}</h1>
      <Card>
        <BotForm
          strategies={listStrategies()}
          aiStrategies={aiStrategies}
          ai={{ provider: ai.provider, hasApiKey: ai.apiKey !== null, baseUrl: ai.baseUrl }}
          accounts={accounts.map((a) => ({ id: a.id, label: `${a.label} (${a.venue})` }))}
          timeframes={Object.keys(TIMEFRAME_MS)}
          initial={{
            id: bot.id,
            status: bot.status,
            name: bot.name,
            exchangeAccountId: bot.exchangeAccountId,
            symbol: bot.symbol,
            timeframe: bot.timeframe,
            intervalSeconds: String(bot.intervalSeconds),
            strategyKind: bot.strategyKind,
            strategyId: bot.strategyId,
            strategyVersionId: bot.strategyVersionId ?? '',
            strategyParams: Object.fromEntries(
              Object.entries(bot.strategyParams).map(([k, v]) => [k, str(v)]),
            ),
            tradeAmount: bot.tradeAmount.includes('.')
              ? bot.tradeAmount.replace(/0+$/, '').replace(/\.$/, '')
              : bot.tradeAmount,
            sizingMode: bot.sizingMode,
            stopLossPct: str(bot.stopLossPct && Number(bot.stopLossPct)),
            takeProfitPct: str(bot.takeProfitPct && Number(bot.takeProfitPct)),
            maxHoldMinutes: str(bot.maxHoldMinutes),
          }}
        />
      </Card>
    </div>
  );
}
