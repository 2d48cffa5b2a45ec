'use client';

import Link from 'next/link';
import { useState, useTransition } from 'react';
import { acceptDraftAction, diffVersionsAction } from '@/app/(app)/strategies/actions';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import type { VersionDiff } from '@/lib/ai-runtime';
import type { AiStrategyVersion } from '@/lib/db/schema';
import { formatDateTime } from '@/lib/format';
import { DiffView } from './diff-view';

/** Every version of a strategy, newest first; each can be compared with the one it came from, drafts accepted. */
export function VersionHistory({
  strategyId,
  versions,
  currentId,
  highlight,
}: {
  strategyId: string;
  versions: AiStrategyVersion[];
  currentId: string | null;
  highlight?: string;
}) {
  const [diff, setDiff] = useState<{ id: string; data: VersionDiff } | null>(null);
  const [pending, startTransition] = useTransition();
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  const compare = (v: AiStrategyVersion) =>
    startTransition(async () => {
      const base =
        v.basedOnVersionId ??
        (v.status === 'draft' ? currentId : sorted.find((o) => o.version < v.version)?.id);
      if (!base) return toast('This is the first version: nothing to compare with.', 'info');
      const result = await diffVersionsAction(null, { from: base, to: v.id });
      if (result.ok) setDiff({ id: v.id, data: result.data });
      else toast(result.error.message, 'error');
    });
  const accept = (v: AiStrategyVersion) =>
    startTransition(async () => {
      const result = await acceptDraftAction(null, { draftVersionId: v.id });
      toast(
        result.ok ? `Draft accepted as version ${result.data.version}.` : result.error.message,
        result.ok ? 'success' : 'error',
      );
    });
  return (
    <ol className="space-y-2" aria-label="Version history">
      {sorted.map((v) => (
        <li
          key={v.id}
          className={`rounded-md border p-3 ${highlight === v.id ? 'border-amber-400/60' : 'border-surface-border'}`}
        >
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-semibold text-slate-100">v{v.version}</span>
            {v.id === currentId && <Badge tone="profit">current</Badge>}
            {v.status === 'draft' && <Badge tone="warn">draft</Badge>}
            <span className="text-xs text-slate-500">{formatDateTime(v.createdAt)}</span>
            {v.note && <span className="text-xs text-slate-400">— {v.note}</span>}
            <span className="ml-auto flex gap-2">
              <Button
                type="button"
                variant="secondary"
                className="px-2 py-1 text-xs"
                disabled={pending}
                onClick={() => (diff?.id === v.id ? setDiff(null) : compare(v))}
              >
                {diff?.id === v.id ? 'Hide diff' : 'Diff'}
              </Button>
              {v.status === 'draft' ? (
                <Button
                  type="button"
                  className="px-2 py-1 text-xs"
                  disabled={pending}
                  onClick={() => accept(v)}
                >
                  Accept draft
                </Button>
              ) : (
                <Link
                  href={`/backtests?strategy=${strategyId}&version=${v.id}`}
                  className="rounded-md border border-surface-border px-2 py-1 text-xs text-slate-200 hover:bg-slate-800"
                >
                  Backtest this version
                </Link>
              )}
            </span>
          </div>
          {diff?.id === v.id && (
            <div className="mt-2 space-y-2">
              <p className="text-xs text-slate-400">
                v{diff.data.from.version} → v{diff.data.to.version}
                {diff.data.params.length > 0 &&
                  ` · parameters changed: ${diff.data.params.map((p) => p.key).join(', ')}`}
                {diff.data.model &&
                  ` · model ${diff.data.model.from ?? 'default'} → ${diff.data.model.to ?? 'default'}`}
              </p>
              <DiffView lines={diff.data.prompt} />
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
