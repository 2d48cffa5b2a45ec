import { AccountsTable } from '@/components/admin/accounts-table';
import { AiDefaultsForm } from '@/components/admin/ai-defaults-form';
import { AiPriceTable } from '@/components/admin/ai-price-table';
import { AiSentimentPanel } from '@/components/admin/ai-sentiment-panel';
import { AutoRefresh } from '@/components/admin/auto-refresh';
import { BotsTable } from '@/components/admin/bots-table';
import { ExportPanel } from '@/components/admin/export-panel';
import { HealthPanel } from '@/components/admin/health-panel';
import { KillSwitchPanel } from '@/components/admin/kill-switch-panel';
import { LiveConsole } from '@/components/admin/live-console';
import { RegistrationToggle } from '@/components/admin/registration-toggle';
import { ResetDataPanel } from '@/components/admin/reset-data-panel';
import { UsersTable } from '@/components/admin/users-table';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { Toaster } from '@/components/ui/toast';
import { getAiDefaults, listPriceTable } from '@/lib/admin/ai-prices';
import { healthSnapshot } from '@/lib/admin/health-snapshot';
import { getCurrentUser } from '@/lib/auth/current-user';
import { getDb } from '@/lib/db';
import { latestAiSentiment } from '@/lib/db/queries/ai-sentiments';
import { getSetting } from '@/lib/db/queries/settings';
import { listUsers } from '@/lib/db/queries/users';
import { adminBots, adminExchangeAccounts } from '@/lib/db/queries/views/admin-accounts';
import { adminLogSources, adminRecentLogs } from '@/lib/db/queries/views/admin-logs';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Admin' };

export default async function AdminPage() {
  const user = await getCurrentUser();
  if (user?.role !== 'admin') {
    return <Alert tone="error">Admins only: you do not have access to this page.</Alert>;
  }
  const db = getDb();
  const [users, registrationOpen, health, accounts, bots, logs, sources] = await Promise.all([
    listUsers(db),
    getSetting(db, 'registration_open'),
    healthSnapshot(db, new Date()),
    adminExchangeAccounts(db),
    adminBots(db),
    adminRecentLogs(db, { limit: 200 }),
    adminLogSources(db),
  ]);
  const [aiDefaults, prices, sentiment] = await Promise.all([
    getAiDefaults(db),
    listPriceTable(db),
    latestAiSentiment(db),
  ]);
  const initialLines = logs.reverse().map((l) => ({
    key: `db-${l.id}`,
    time: l.time,
    level: l.level,
    source: l.source,
    message: l.message,
  }));
  return (
    <div className="space-y-6">
      <AutoRefresh seconds={15} />
      <Toaster />
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold text-slate-100">Admin console</h1>
        <p className="text-sm text-slate-400">
          System health, users, the live log and controls that affect everyone.
        </p>
      </div>
      <KillSwitchPanel on={health.killSwitch} />
      <Card title="System health">
        <HealthPanel health={health} />
      </Card>
      <Card title="Live console">
        <LiveConsole initial={initialLines} sources={sources} />
      </Card>
      <Card title="Registration">
        <RegistrationToggle open={registrationOpen} />
      </Card>
      <Card title={`Users (${users.length})`}>
        <UsersTable users={users} currentUserId={user.id} />
      </Card>
      <div className="grid grid-cols-1 gap-6 2xl:grid-cols-2">
        <Card title={`Exchange accounts (${accounts.length})`}>
          <AccountsTable accounts={accounts} />
        </Card>
        <Card title={`Bots (${bots.length})`}>
          <BotsTable bots={bots} />
        </Card>
      </div>
      <Card title="AI defaults">
        <AiDefaultsForm initial={aiDefaults} />
      </Card>
      <Card title="Market sentiment">
        <AiSentimentPanel
          latest={
            sentiment
              ? {
                  ...sentiment.sentiment,
                  provider: sentiment.provider,
                  model: sentiment.model,
                  inputTokens: sentiment.inputTokens,
                  cachedInputTokens: sentiment.cachedInputTokens,
                  outputTokens: sentiment.outputTokens,
                  cost: sentiment.cost,
                  latencyMs: sentiment.latencyMs,
                  error: sentiment.error,
                  createdAt: sentiment.createdAt.toISOString(),
                }
              : null
          }
        />
      </Card>
      <Card title="AI model prices">
        <AiPriceTable
          rows={prices.map((p) => ({ ...p, updatedAt: p.updatedAt?.toISOString() ?? null }))}
        />
      </Card>
      <Card title="Data">
        <div className="divide-y divide-surface-border [&>*]:py-4 [&>*:first-child]:pt-0 [&>*:last-child]:pb-0">
          <ExportPanel />
          <ResetDataPanel />
        </div>
      </Card>
    </div>
  );
}
