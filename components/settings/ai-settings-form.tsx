'use client';

import { useState } from 'react';
import { saveAiSettingsAction } from '@/app/(app)/settings/ai-actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { useFormAction } from './use-form-action';

export interface AiSettingsView {
  provider: string;
  model: string;
  baseUrl: string | null;
  openaiApi: string;
  timeoutMs: number;
  dailyBudgetUsd: string | null;
  fallback: string;
  hasApiKey: boolean;
}

/** AI provider, model, key (write-only), base URL, timeout, daily budget and fallback. */
export function AiSettingsForm({ initial }: { initial: AiSettingsView }) {
  const [v, setV] = useState({
    provider: initial.provider,
    model: initial.model,
    apiKey: '',
    baseUrl: initial.baseUrl ?? '',
    openaiApi: initial.openaiApi,
    timeoutMs: String(initial.timeoutMs),
    dailyBudgetUsd: initial.dailyBudgetUsd ?? '',
    fallback: initial.fallback,
  });
  const [hasKey, setHasKey] = useState(initial.hasApiKey);
  const form = useFormAction(saveAiSettingsAction, {
    success: 'AI settings saved.',
    onSuccess: (saved) => {
      setHasKey(saved.hasApiKey);
      setV((p) => ({ ...p, apiKey: '' }));
    },
  });
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [key]: e.target.value });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        form.run(v);
      }}
      noValidate
      aria-label="AI settings"
      className="space-y-4"
    >
      {form.error && <Alert tone="error">{form.error}</Alert>}
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <Select
          label="Provider"
          name="provider"
          value={v.provider}
          onChange={set('provider')}
          options={[
            { value: 'rules', label: 'Rules only (no AI calls)' },
            { value: 'openai', label: 'OpenAI or compatible' },
            { value: 'gemini', label: 'Google Gemini' },
          ]}
          error={form.fields.provider}
        />
        <TextField
          label="Model"
          name="model"
          value={v.model}
          onChange={set('model')}
          placeholder="e.g. gpt-4o-mini"
          error={form.fields.model}
        />
        <TextField
          label={hasKey ? 'API key (stored; leave empty to keep)' : 'API key'}
          name="apiKey"
          id="ai-apiKey"
          type="password"
          autoComplete="off"
          value={v.apiKey}
          onChange={set('apiKey')}
          error={form.fields.apiKey}
        />
        <TextField
          label="Base URL (OpenAI-compatible servers, optional)"
          name="baseUrl"
          value={v.baseUrl}
          onChange={set('baseUrl')}
          placeholder="https://…"
          error={form.fields.baseUrl}
        />
        <Select
          label="OpenAI API"
          name="openaiApi"
          value={v.openaiApi}
          onChange={set('openaiApi')}
          options={[
            { value: 'chat', label: 'Chat completions' },
            { value: 'responses', label: 'Responses' },
          ]}
          error={form.fields.openaiApi}
        />
        <TextField
          label="Timeout (ms)"
          name="timeoutMs"
          inputMode="numeric"
          value={v.timeoutMs}
          onChange={set('timeoutMs')}
          error={form.fields.timeoutMs}
        />
        <TextField
          label="Daily budget (USD, empty = no limit)"
          name="dailyBudgetUsd"
          inputMode="decimal"
          value={v.dailyBudgetUsd}
          onChange={set('dailyBudgetUsd')}
          error={form.fields.dailyBudgetUsd}
        />
        <Select
          label="When the AI fails"
          name="fallback"
          value={v.fallback}
          onChange={set('fallback')}
          options={[
            { value: 'hold', label: 'Hold (do nothing)' },
            { value: 'rules', label: 'Fall back to the rule strategy' },
          ]}
          error={form.fields.fallback}
        />
      </div>
      <Button type="submit" disabled={form.pending}>
        {form.pending ? 'Saving…' : 'Save AI settings'}
      </Button>
    </form>
  );
}
