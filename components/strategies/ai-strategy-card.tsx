'use client';

import Link from 'next/link';
import { useState, useTransition } from 'react';
import { setDefaultAiStrategyAction } from '@/app/(app)/strategies/actions';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import type { AiStrategyWithVersions } from '@/lib/ai';
import { PromptEditor } from './prompt-editor';
import { TryNow } from './try-now';
import { VersionHistory } from './version-history';

/** One AI strategy: its current prompt, editor, history with diffs, default toggle and "try now". */
export function AiStrategyCard({
  strategy,
  highlight,
}: {
  strategy: AiStrategyWithVersions;
  highlight?: string;
}) {
  const [editing, setEditing] = useState(false);
  const [pending, startTransition] = useTransition();
  const current = strategy.current;
  const makeDefault = () =>
    startTransition(async () => {
      const result = await setDefaultAiStrategyAction(null, { strategyId: strategy.id });
      toast(
        result.ok ? `${strategy.name} is now your default AI strategy.` : result.error.message,
        result.ok ? 'success' : 'error',
      );
    });
  return (
    <article
      id={`strategy-${strategy.id}`}
      aria-label={strategy.name}
      className="space-y-4 rounded-lg border border-surface-border bg-surface-raised p-5"
    >
      <header className="flex flex-wrap items-center gap-2">
        <h3 className="text-lg font-semibold text-slate-100">{strategy.name}</h3>
        {current && <Badge tone="info">v{current.version}</Badge>}
        {strategy.isDefault && <Badge tone="profit">default</Badge>}
        {strategy.pendingDrafts.length > 0 && (
          <Badge tone="warn">{strategy.pendingDrafts.length} draft</Badge>
        )}
        <span className="ml-auto flex gap-2">
          {!strategy.isDefault && (
            <Button type="button" variant="secondary" disabled={pending} onClick={makeDefault}>
              Make default
            </Button>
          )}
          {!editing && current && (
            <Button type="button" variant="secondary" onClick={() => setEditing(true)}>
              Edit prompt
            </Button>
          )}
          {current && (
            <Link
              href={`/backtests?strategy=${strategy.id}&version=${current.id}`}
              className="rounded-md border border-surface-border px-3 py-2 text-sm text-slate-200 hover:bg-slate-800"
            >
              Backtest v{current.version}
            </Link>
          )}
        </span>
      </header>
      {strategy.description && <p className="text-sm text-slate-400">{strategy.description}</p>}
      {editing && current ? (
        <PromptEditor
          strategyId={strategy.id}
          prompt={current.systemPrompt}
          model={current.model}
          onDone={() => setEditing(false)}
        />
      ) : (
        current && (
          <details>
            <summary className="cursor-pointer text-sm text-slate-300">
              Current prompt ({current.systemPrompt.split('\n').length} lines
              {current.model ? `, model ${current.model}` : ''})
            </summary>
            <pre className="mt-2 max-h-72 overflow-auto whitespace-pre-wrap rounded-md border border-surface-border bg-black/40 p-3 font-mono text-xs text-slate-300">
              {current.systemPrompt}
            </pre>
          </details>
        )
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <section>
          <h4 className="mb-2 text-sm font-semibold text-slate-200">Try now</h4>
          <TryNow strategyId={strategy.id} />
        </section>
        <section>
          <h4 className="mb-2 text-sm font-semibold text-slate-200">Versions</h4>
          <VersionHistory
            strategyId={strategy.id}
            versions={strategy.versions}
            currentId={current?.id ?? null}
            highlight={highlight}
          />
        </section>
      </div>
    </article>
  );
}
