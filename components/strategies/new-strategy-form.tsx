'use client';

import { useState, useTransition } from 'react';
import { createAiStrategyAction } from '@/app/(app)/strategies/actions';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';

/** Creates an AI strategy from a built-in template (its prompt can be edited right after). */
export function NewStrategyForm({
  templates,
}: {
  templates: { id: string; name: string; description: string }[];
}) {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [templateId, setTemplateId] = useState(templates[0]?.id ?? '');
  const [pending, startTransition] = useTransition();
  const create = (form: FormData) =>
    startTransition(async () => {
      const result = await createAiStrategyAction(null, form);
      if (!result.ok) {
        setErrors(result.error.fields ?? { name: [result.error.message] });
        return;
      }
      setErrors({});
      toast(`${result.data.strategy.name} created (version 1).`, 'success');
    });
  const template = templates.find((t) => t.id === templateId);
  return (
    <form action={create} className="space-y-3" aria-label="New AI strategy">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-56 flex-1">
          <label htmlFor="new-name" className="block text-sm font-medium text-slate-300">
            Name
          </label>
          <input
            id="new-name"
            name="name"
            required
            maxLength={100}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? 'new-name-error' : undefined}
            className="w-full rounded-md border border-surface-border bg-surface px-3 py-2 text-sm text-slate-100"
          />
          {errors.name && (
            <p id="new-name-error" className="text-sm text-loss">
              {errors.name.join(' ')}
            </p>
          )}
        </div>
        <div className="min-w-56 flex-1">
          <label htmlFor="new-template" className="block text-sm font-medium text-slate-300">
            Start from template
          </label>
          <select
            id="new-template"
            name="templateId"
            value={templateId}
            onChange={(e) => setTemplateId(e.target.value)}
            className="w-full rounded-md border border-surface-border bg-surface px-3 py-2 text-sm text-slate-100"
          >
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create AI strategy'}
        </Button>
      </div>
      {template && <p className="text-sm text-slate-400">{template.description}</p>}
      {errors._ && (
        <p role="alert" className="text-sm text-loss">
          {errors._.join(' ')}
        </p>
      )}
    </form>
  );
}
