import { AiStrategyCard } from '@/components/strategies/ai-strategy-card';
import { NewStrategyForm } from '@/components/strategies/new-strategy-form';
import { RuleStrategyCard } from '@/components/strategies/rule-strategies';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Toaster } from '@/components/ui/toast';
import { AI_STRATEGY_TEMPLATES, listAiStrategies } from '@/lib/ai';
import { requireUser } from '@/lib/auth/current-user';
import { listStrategies } from '@/lib/core/strategy';
import { getDb } from '@/lib/db';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Strategies' };

export default async function StrategiesPage({
  searchParams,
}: {
  searchParams: Promise<{ draft?: string }>;
}) {
  const user = await requireUser();
  const [{ draft }, strategies] = await Promise.all([
    searchParams,
    listAiStrategies(getDb(), user.id),
  ]);
  const rules = listStrategies();
  return (
    <div className="space-y-6">
      <Toaster />
      <div>
        <h1 className="text-2xl font-bold text-slate-100">Strategies</h1>
        <p className="text-sm text-slate-400">
          AI strategies are versioned prompts: every edit is a new version you can diff, try and
          backtest. Rule strategies are built in.
        </p>
      </div>
      <Card title="New AI strategy">
        <NewStrategyForm
          templates={AI_STRATEGY_TEMPLATES.map((t) => ({
            id: t.id,
            name: t.name,
            description: t.description,
          }))}
        />
      </Card>
      <section aria-labelledby="ai-strategies" className="space-y-4">
        <h2 id="ai-strategies" className="text-lg font-semibold text-slate-100">
          AI strategies ({strategies.length})
        </h2>
        {strategies.length === 0 ? (
          <EmptyState title="No AI strategy yet">
            Create one above from a template, then try it on live data and backtest it before giving
            it to a bot.
          </EmptyState>
        ) : (
          strategies.map((s) => <AiStrategyCard key={s.id} strategy={s} highlight={draft} />)
        )}
      </section>
      <section aria-labelledby="rule-strategies" className="space-y-4">
        <h2 id="rule-strategies" className="text-lg font-semibold text-slate-100">
          Rule strategies ({rules.length})
        </h2>
        <div className="grid gap-4 xl:grid-cols-2">
          {rules.map((r) => (
            <RuleStrategyCard key={r.id} strategy={r} />
          ))}
        </div>
      </section>
    </div>
  );
}
