'use client';

import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Select } from '@/components/ui/select';
import type { AiStrategyOption } from '@/lib/ai-runtime/ai-bot-strategy';

/** What the picker needs of the user's AI settings (never the key itself). */
export interface AiSettingsSummary {
  provider: string;
  hasApiKey: boolean;
  baseUrl: string | null;
}

const PROVIDER_NAMES: Record<string, string> = {
  openai: 'OpenAI',
  gemini: 'Gemini',
  rules: 'Rules',
};

/** Whether a call to `provider` would have a key (a local OpenAI-compatible server needs none). */
function hasKeyFor(provider: string, ai: AiSettingsSummary): boolean {
  if (provider === 'rules') return true;
  if (ai.provider !== provider) return false;
  return ai.hasApiKey || (provider === 'openai' && ai.baseUrl !== null);
}

/** One of the user's AI strategies, and a version: the latest (follows edits) or a pinned one. */
export function AiStrategyPicker({
  strategies,
  ai,
  strategyId,
  versionId,
  errors,
  disabled,
  onChange,
}: {
  strategies: readonly AiStrategyOption[];
  ai: AiSettingsSummary;
  strategyId: string;
  versionId: string;
  errors: Record<string, string[]>;
  disabled?: boolean;
  onChange: (strategyId: string, versionId: string) => void;
}) {
  if (strategies.length === 0) {
    return (
      <Alert tone="info">
        You have no AI strategies yet.{' '}
        <Link href="/strategies" className="underline">
          Create one from a template
        </Link>{' '}
        (ICT/SMC or conservative scalping), then come back.
      </Alert>
    );
  }
  const strategy = strategies.find((s) => s.id === strategyId);
  const version = strategy?.versions.find((v) => v.id === versionId) ?? strategy?.versions[0];
  const provider = version?.provider ?? ai.provider;
  const name = PROVIDER_NAMES[provider] ?? provider;
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <Select
          label="AI strategy"
          name="strategyId"
          value={strategyId}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value, '')}
          options={[
            ...(strategy ? [] : [{ value: '', label: 'Choose…' }]),
            ...strategies.map((s) => ({
              value: s.id,
              label: s.isDefault ? `${s.name} (default)` : s.name,
            })),
          ]}
          error={errors.strategyId}
        />
        <Select
          label="Version"
          name="strategyVersionId"
          value={versionId}
          disabled={disabled || !strategy}
          onChange={(e) => onChange(strategyId, e.target.value)}
          options={[
            {
              value: '',
              label: `Latest, follows edits${strategy?.versions[0] ? ` (now v${strategy.versions[0].version})` : ''}`,
            },
            ...(strategy?.versions ?? []).map((v) => ({
              value: v.id,
              label: `v${v.version}, pinned${v.note ? `: ${v.note.slice(0, 40)}` : ''}`,
            })),
          ]}
          error={errors.strategyVersionId}
          hint="A pinned version keeps running as it is when you edit the strategy."
        />
      </div>
      {version && (
        <p className="text-sm text-slate-300" data-testid="ai-strategy-model">
          Decides with <strong>{name}</strong> · <span className="font-mono">{version.model}</span>.{' '}
          {provider === 'rules'
            ? 'The rules provider runs offline and costs nothing.'
            : 'Every cycle is a paid model call; the daily budget in your AI settings caps the spend.'}
        </p>
      )}
      {version && !hasKeyFor(provider, ai) && (
        <Alert tone="warning">
          No {name} API key is set: every decision will be a logged hold until you add one in your{' '}
          <Link href="/settings#ai" className="underline">
            AI settings
          </Link>{' '}
          (or choose the rules provider there, which always works).
        </Alert>
      )}
    </div>
  );
}
