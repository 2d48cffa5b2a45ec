import type { ReactNode } from 'react';
import { TradingBanners } from '@/components/dashboard/banners';
import { AiSettingsForm } from '@/components/settings/ai-settings-form';
import { ExchangeAccounts } from '@/components/settings/exchange-accounts';
import { KillSwitchToggle } from '@/components/settings/kill-switch-toggle';
import { PaperReset } from '@/components/settings/paper-reset';
import { PasswordForm, ProfileForm } from '@/components/settings/profile-form';
import { RiskPolicyForm } from '@/components/settings/risk-policy-form';
import { TokensPanel } from '@/components/settings/tokens-panel';
import { Toaster } from '@/components/ui/toast';
import { toPublicAccount } from '@/lib/accounts/exchange-accounts';
import { loadAiSettings, toPublicAiSettings } from '@/lib/ai';
import { requireUser } from '@/lib/auth/current-user';
import { DEFAULT_RISK_POLICY, riskPolicySchema } from '@/lib/core/risk';
import { getKeyRing } from '@/lib/crypto/key-ring';
import { listExchangeAccounts } from '@/lib/db/queries/exchange-accounts';
import { ensurePaperAccount } from '@/lib/db/queries/paper';
import { riskSettingsOf } from '@/lib/db/queries/risk-inputs';
import { userAccessTokens } from '@/lib/signals/access-tokens';
import { userWebhookTokens } from '@/lib/signals/webhook-tokens';
import { getTrading } from '@/lib/trading/runtime';
import { loadBanners } from '../dashboard/load-market';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Settings' };

const SECTIONS = [
  ['profile', 'Profile'],
  ['password', 'Password'],
  ['accounts', 'Exchange accounts'],
  ['risk', 'Risk policy'],
  ['tokens', 'Tokens'],
  ['ai', 'AI'],
  ['paper', 'Paper account'],
] as const;

export default async function SettingsPage() {
  const user = await requireUser();
  const { deps } = getTrading();
  const paper = await ensurePaperAccount(deps.db, user.id);
  const [accounts, risk, ai, webhooks, pats, banners] = await Promise.all([
    listExchangeAccounts(deps.db, user.id),
    riskSettingsOf(deps.db, user.id),
    loadAiSettings(deps.db, user.id),
    userWebhookTokens(deps.db, user.id),
    userAccessTokens(deps.db, user.id),
    loadBanners(user.id),
  ]);
  const parsed = riskPolicySchema.safeParse(risk.policy);
  const quote = typeof paper.settings.quote === 'string' ? paper.settings.quote : 'USDT';
  let paperCash: string | null = null;
  try {
    const row = (await (await deps.exchangeFor(paper)).fetchBalance()).find(
      (b) => b.asset === quote,
    );
    paperCash = row ? String(Number(row.free) + Number(row.locked)) : '0';
  } catch {
    paperCash = null;
  }
  const ring = getKeyRing();
  return (
    <div className="space-y-6">
      <Toaster />
      <h1 className="text-2xl font-bold text-slate-100">Settings</h1>
      <TradingBanners {...banners} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[12rem_1fr]">
        <nav aria-label="Settings sections" className="lg:sticky lg:top-6 lg:self-start">
          <ul className="flex flex-wrap gap-1 lg:flex-col">
            {SECTIONS.map(([id, label]) => (
              <li key={id}>
                <a
                  href={`#${id}`}
                  className="block rounded-md px-3 py-1.5 text-sm text-slate-400 hover:bg-slate-800 hover:text-slate-100"
                >
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="min-w-0 space-y-6">
          <Section id="profile" title="Profile">
            <ProfileForm name={user.name} email={user.email} />
          </Section>
          <Section id="password" title="Password">
            <PasswordForm />
          </Section>
          <Section
            id="accounts"
            title="Exchange accounts"
            description="Paper trading is built in. Add a Binance or Alpaca account to trade for real; start on its testnet."
          >
            <ExchangeAccounts accounts={accounts.map((a) => toPublicAccount(a, ring))} />
          </Section>
          <Section
            id="risk"
            title="Risk policy"
            description="Every order from every source passes these rules. Bots may override some of them."
          >
            <div className="space-y-6">
              <KillSwitchToggle on={risk.killSwitch} />
              {!parsed.success && (
                <p className="text-sm text-amber-300">
                  Your stored policy no longer validates; the form shows the defaults. Saving
                  replaces it.
                </p>
              )}
              <RiskPolicyForm initial={parsed.success ? parsed.data : DEFAULT_RISK_POLICY} />
            </div>
          </Section>
          <Section
            id="tokens"
            title="Tokens"
            description="Webhook tokens let TradingView alerts reach your account; access tokens let scripts use the REST API."
          >
            <TokensPanel webhooks={webhooks} pats={pats} />
          </Section>
          <Section
            id="ai"
            title="AI"
            description="Used by AI strategies. Rule strategies never call a provider."
          >
            <AiSettingsForm initial={toPublicAiSettings(ai)} />
          </Section>
          <Section id="paper" title="Paper account">
            <PaperReset balance={paperCash} quote={quote} />
          </Section>
        </div>
      </div>
    </div>
  );
}

function Section({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-title`}
      className="scroll-mt-6 rounded-lg border border-surface-border bg-surface-raised p-6"
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-100">
        {title}
      </h2>
      {description && <p className="mb-4 mt-1 text-sm text-slate-400">{description}</p>}
      <div className={description ? '' : 'mt-4'}>{children}</div>
    </section>
  );
}
