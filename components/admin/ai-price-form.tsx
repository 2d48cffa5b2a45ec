'use client';

import { type FormEvent } from 'react';
import { setModelPriceAction } from '@/app/(app)/admin/ai-actions';
import { useFormAction } from '@/components/settings/use-form-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { modelPriceInputSchema, type ModelPriceInput } from '@/lib/admin/ai-admin-schemas';

export interface PriceFormValues {
  provider: string;
  model: string;
  inputPerMTok: string;
  cachedInputPerMTok: string;
  outputPerMTok: string;
  trainingCutoff: string;
}

export const EMPTY_PRICE: PriceFormValues = {
  provider: 'openai',
  model: '',
  inputPerMTok: '',
  cachedInputPerMTok: '',
  outputPerMTok: '',
  trainingCutoff: '',
};

/** Adds a model's price or replaces one (same provider and model). */
export function AiPriceForm({
  values,
  onChange,
  onSaved,
}: {
  values: PriceFormValues;
  onChange: (next: PriceFormValues) => void;
  onSaved: () => void;
}) {
  const form = useFormAction(setModelPriceAction, {
    validate: (input: ModelPriceInput) => modelPriceInputSchema.safeParse(input),
    success: (d) => `Price of ${d.provider}:${d.model} saved; the next AI call is priced with it.`,
    onSuccess: onSaved,
  });
  const set = (key: keyof PriceFormValues) => (e: { target: { value: string } }) =>
    onChange({ ...values, [key]: e.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    form.run(values as ModelPriceInput);
  };
  const price = (key: 'inputPerMTok' | 'cachedInputPerMTok' | 'outputPerMTok', label: string) => (
    <TextField
      label={`${label} (USD / 1M tokens)`}
      name={`price-${key}`}
      inputMode="decimal"
      value={values[key]}
      onChange={set(key)}
      error={form.fields[key]}
      placeholder="0.4"
    />
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Model price" className="space-y-4">
      <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-400">
        Add or change a price
      </h3>
      {form.error && <Alert tone="error">{form.error}</Alert>}
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        <Select
          label="Provider"
          name="price-provider"
          value={values.provider}
          onChange={set('provider')}
          options={[
            { value: 'openai', label: 'OpenAI / compatible' },
            { value: 'gemini', label: 'Gemini' },
          ]}
          error={form.fields.provider}
        />
        <TextField
          label="Model"
          name="price-model"
          value={values.model}
          onChange={set('model')}
          error={form.fields.model}
          placeholder="gpt-4.1-mini"
        />
        <TextField
          label="Training cutoff (optional, YYYY-MM-DD)"
          name="price-trainingCutoff"
          value={values.trainingCutoff}
          onChange={set('trainingCutoff')}
          error={form.fields.trainingCutoff}
          placeholder="2024-06-01"
        />
        {price('inputPerMTok', 'Input')}
        {price('cachedInputPerMTok', 'Cached input')}
        {price('outputPerMTok', 'Output')}
      </div>
      <div className="flex gap-3">
        <Button type="submit" disabled={form.pending}>
          {form.pending ? 'Saving…' : 'Save price'}
        </Button>
        <Button type="button" variant="secondary" onClick={() => onChange(EMPTY_PRICE)}>
          Clear
        </Button>
      </div>
    </form>
  );
}
