import { DecisionsLog } from '@/components/ai-log/decisions-log';
import { ReflectionsList } from '@/components/ai-log/reflections-list';
import { VersionSummaryTable } from '@/components/ai-log/version-summary';
import { Card } from '@/components/ui/card';
import { Toaster } from '@/components/ui/toast';
import { listAiStrategies } from '@/lib/ai';
import { listDecisions, listReflections, versionSummaries } from '@/lib/ai-runtime';
import { requireUser } from '@/lib/auth/current-user';
import { getDb } from '@/lib/db';
import { listUserBots } from '@/lib/db/queries/bots';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'AI log' };

export default async function AiLogPage() {
  const user = await requireUser();
  const db = getDb();
  const [decisions, summaries, reflections, strategies, bots] = await Promise.all([
    listDecisions(db, user.id, { limit: 50 }),
    versionSummaries(db, user.id),
    listReflections(db, user.id, { limit: 20 }),
    listAiStrategies(db, user.id),
    listUserBots(db, user.id),
  ]);
  const versions = strategies.flatMap((s) =>
    s.versions.map((v) => ({
      id: v.id,
      label: `${s.name} v${v.version}${v.status === 'draft' ? ' (draft)' : ''}`,
    })),
  );
  return (
    <div className="space-y-6">
      <Toaster />
      <div>
        <h1 className="text-2xl font-bold text-slate-100">AI log</h1>
        <p className="text-sm text-slate-400">
          Every AI decision with its exact prompt, answer, tokens, cost and what the trade did.
        </p>
      </div>
      <Card title="Decisions">
        <DecisionsLog
          initial={decisions}
          bots={bots
            .filter((b) => b.strategyKind === 'ai')
            .map((b) => ({ id: b.id, name: b.name }))}
          versions={versions}
        />
      </Card>
      <Card title="By strategy version">
        <VersionSummaryTable rows={summaries} />
      </Card>
      <Card title="Reflections">
        <ReflectionsList reflections={reflections} />
      </Card>
    </div>
  );
}
