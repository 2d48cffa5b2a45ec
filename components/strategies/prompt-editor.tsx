'use client';

import { useState, useTransition } from 'react';
import { editAiStrategyAction } from '@/app/(app)/strategies/actions';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import { lineDiff } from '@/lib/ai-runtime/line-diff';
import { DiffView } from './diff-view';

/** Edits the prompt (and model); saving makes a new version. Shows the pending change as a diff first. */
export function PromptEditor({
  strategyId,
  prompt,
  model,
  onDone,
}: {
  strategyId: string;
  prompt: string;
  model: string | null;
  onDone: () => void;
}) {
  const [text, setText] = useState(prompt);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  const [preview, setPreview] = useState(false);
  const save = (form: FormData) =>
    startTransition(async () => {
      const result = await editAiStrategyAction(null, {
        strategyId,
        systemPrompt: text,
        model: form.get('model') ?? '',
        note: form.get('note') ?? '',
      });
      if (!result.ok) {
        setErrors(result.error.fields ?? { systemPrompt: [result.error.message] });
        return;
      }
      toast(`Saved as version ${result.data.version.version}.`, 'success');
      onDone();
    });
  return (
    <form action={save} className="space-y-3" aria-label="Edit prompt">
      <div>
        <label
          htmlFor={`prompt-${strategyId}`}
          className="block text-sm font-medium text-slate-300"
        >
          System prompt
        </label>
        <textarea
          id={`prompt-${strategyId}`}
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={14}
          aria-invalid={errors.systemPrompt ? true : undefined}
          aria-describedby={errors.systemPrompt ? `prompt-${strategyId}-error` : undefined}
          className="w-full rounded-md border border-surface-border bg-surface px-3 py-2 font-mono text-xs leading-5 text-slate-100 focus:border-accent focus:outline-none"
        />
        {errors.systemPrompt && (
          <p id={`prompt-${strategyId}-error`} className="text-sm text-loss">
            {errors.systemPrompt.join(' ')}
          </p>
        )}
      </div>
      <div className="flex flex-wrap gap-3">
        <div className="min-w-48 flex-1">
          <label htmlFor={`model-${strategyId}`} className="block text-xs text-slate-400">
            Model (empty = your AI settings&apos; model)
          </label>
          <input
            id={`model-${strategyId}`}
            name="model"
            defaultValue={model ?? ''}
            className="w-full rounded-md border border-surface-border bg-surface px-2 py-1.5 text-sm text-slate-100"
          />
        </div>
        <div className="min-w-64 flex-[2]">
          <label htmlFor={`note-${strategyId}`} className="block text-xs text-slate-400">
            What changed (optional)
          </label>
          <input
            id={`note-${strategyId}`}
            name="note"
            maxLength={500}
            className="w-full rounded-md border border-surface-border bg-surface px-2 py-1.5 text-sm text-slate-100"
          />
        </div>
      </div>
      {preview && <DiffView lines={lineDiff(prompt, text)} />}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save as new version'}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setPreview((p) => !p)}>
          {preview ? 'Hide changes' : 'Show changes'}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
