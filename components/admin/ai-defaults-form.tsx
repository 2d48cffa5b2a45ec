'use client';

import { useState, type FormEvent } from 'react';
import { setAiDefaultsAction } from '@/app/(app)/admin/ai-actions';
import { useFormAction } from '@/components/settings/use-form-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { aiDefaultsInputSchema, type AiDefaultsInput } from '@/lib/admin/ai-admin-schemas';

const PROVIDERS = [
  { value: 'rules', label: 'Rules (built in, offline, free)' },
  { value: 'openai', label: 'OpenAI (or an OpenAI-compatible server)' },
  { value: 'gemini', label: 'Gemini' },
];
const MODEL_PLACEHOLDER: Record<string, string> = {
  openai: 'gpt-4.1-mini',
  gemini: 'gemini-2.5-flash',
  rules: '',
};

/** The provider and model of every user who has not chosen their own. */
export function AiDefaultsForm({ initial }: { initial: { provider: string; model: string } }) {
  const [v, setV] = useState(initial);
  const form = useFormAction(setAiDefaultsAction, {
    validate: (input: AiDefaultsInput) => aiDefaultsInputSchema.safeParse(input),
    success: 'Default AI provider saved.',
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    form.run(v as AiDefaultsInput);
  };
  return (
    <form onSubmit={submit} noValidate aria-label="AI defaults" className="space-y-4">
      <p className="text-sm text-slate-400">
        Used by every user who has not chosen a provider in their AI settings, and by the market
        sentiment summary (with your own API key for that provider).
      </p>
      {form.error && <Alert tone="error">{form.error}</Alert>}
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <Select
          label="Default provider"
          name="aiDefaultProvider"
          value={v.provider}
          onChange={(e) => setV({ ...v, provider: e.target.value })}
          options={PROVIDERS}
          error={form.fields.provider}
        />
        <TextField
          label="Default model (empty = the provider's default)"
          name="aiDefaultModel"
          value={v.provider === 'rules' ? '' : v.model}
          disabled={v.provider === 'rules'}
          onChange={(e) => setV({ ...v, model: e.target.value })}
          placeholder={MODEL_PLACEHOLDER[v.provider]}
          error={form.fields.model}
        />
      </div>
      <Button type="submit" disabled={form.pending}>
        {form.pending ? 'Saving…' : 'Save defaults'}
      </Button>
    </form>
  );
}
