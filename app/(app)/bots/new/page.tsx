import { BotForm } from '@/components/bots/bot-form';
import { Card } from '@/components/ui/card';
import { Toaster } from '@/components/ui/toast';
import { loadAiSettings } from '@/lib/ai';
import { aiStrategyOptions } from '@/lib/ai-runtime/ai-bot-strategy';
import { requireUser } from '@/lib/auth/current-user';
import { listStrategies } from '@/lib/core/strategy';
import { TIMEFRAME_MS } from '@/lib/core/types';
import { findDefaultExchangeAccount } from '@/lib/db/queries/exchange-accounts';
import { ensurePaperAccount } from '@/lib/db/queries/paper';
import { getTrading } from '@/lib/trading/runtime';
import { loadAccounts } from '../../dashboard/load-market';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'New bot' };

export default async function NewBotPage() {
  const user = await requireUser();
  const db = getTrading().deps.db;
  const fallback =
    (await findDefaultExchangeAccount(db, user.id)) ?? (await ensurePaperAccount(db, user.id));
  const accounts = await loadAccounts(user.id);
  const ai = await loadAiSettings(db, user.id);
  const aiStrategies = await aiStrategyOptions(db, user.id, ai);
  const ordered = [fallback, ...accounts.filter((a) => a.id !== fallback.id)];
  return (
    <div className="max-w-5xl space-y-6">
      <Toaster />
      <div>
        <h1 className="text-2xl font-bold text-slate-100">New bot</h1>
        <p className="text-sm text-slate-400">
          The bot is created stopped. Start it from its page or the dashboard.
        </p>
      </div>
      <Card>
        <BotForm
          strategies={listStrategies()}
          aiStrategies={aiStrategies}
          ai={{ provider: ai.provider, hasApiKey: ai.apiKey !== null, baseUrl: ai.baseUrl }}
          accounts={ordered.map((a) => ({
            id: a.id,
            label: `${a.label} (${a.venue}${a.isTestnet ? ' testnet' : ''})`,
          }))}
          timeframes={Object.keys(TIMEFRAME_MS)}
        />
      </Card>
    </div>
  );
}
