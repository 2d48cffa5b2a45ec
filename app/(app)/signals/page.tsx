import { headers } from 'next/headers';
import { SignalsTable } from '@/components/signals/signals-table';
import { WebhookSetup } from '@/components/signals/webhook-setup';
import { Card } from '@/components/ui/card';
import { Toaster } from '@/components/ui/toast';
import { requireUser } from '@/lib/auth/current-user';
import { RULE_CATALOG } from '@/lib/core/risk';
import { getDb } from '@/lib/db';
import { listUserBots } from '@/lib/db/queries/bots';
import { signalLog } from '@/lib/signals/signal-exports';
import { userWebhookTokens } from '@/lib/signals/webhook-tokens';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Signals' };

async function origin(): Promise<string> {
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto =
    h.get('x-forwarded-proto') ??
    (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  return `${proto}://${host}`;
}

export default async function SignalsPage() {
  const user = await requireUser();
  const db = getDb();
  const [page, tokens, bots, base] = await Promise.all([
    signalLog(db, user.id, { limit: 50 }),
    userWebhookTokens(db, user.id),
    listUserBots(db, user.id),
    origin(),
  ]);
  const ruleLabels = Object.fromEntries(RULE_CATALOG.map((r) => [r.id, r.label]));
  return (
    <div className="space-y-6">
      <Toaster />
      <div>
        <h1 className="text-2xl font-bold text-slate-100">Signals</h1>
        <p className="text-sm text-slate-400">
          Every order request from bots, TradingView, the order ticket and the API, with the risk
          engine&apos;s verdict.
        </p>
      </div>
      <Card title="TradingView webhook">
        <WebhookSetup
          tokens={tokens}
          bots={bots.map((b) => ({ id: b.id, name: b.name }))}
          origin={base}
        />
      </Card>
      <Card title="Signal log">
        <SignalsTable initial={page} ruleLabels={ruleLabels} />
      </Card>
    </div>
  );
}
