'use client';

import Link from 'next/link';
import { useTransition } from 'react';
import { acceptReflectionDraftAction } from '@/app/(app)/ai-log/actions';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { toast } from '@/components/ui/toast';
import type { ReflectionListItem } from '@/lib/ai-runtime';
import { formatDateTime } from '@/lib/format';

/** The AI's periodic reviews of its own trading; a suggested prompt change can be reviewed and accepted. */
export function ReflectionsList({ reflections }: { reflections: ReflectionListItem[] }) {
  const [pending, startTransition] = useTransition();
  if (reflections.length === 0)
    return (
      <EmptyState title="No reflections yet">
        Reflections run on a schedule for bots with AI strategies once they have closed trades.
      </EmptyState>
    );
  const accept = (id: string) =>
    startTransition(async () => {
      const result = await acceptReflectionDraftAction(null, { reflectionId: id });
      toast(
        result.ok
          ? `Accepted: version ${result.data.version} is now active.`
          : result.error.message,
        result.ok ? 'success' : 'error',
      );
    });
  return (
    <ul className="space-y-4">
      {reflections.map((r) => (
        <li key={r.id} className="rounded-md border border-surface-border p-4">
          <div className="mb-2 flex flex-wrap items-center gap-2 text-xs text-slate-400">
            <span>{formatDateTime(r.createdAt)}</span>
            <span>
              {r.provider} · {r.model}
            </span>
            {r.error && <Badge tone="loss">{r.error}</Badge>}
            {r.draftPending && <Badge tone="warn">suggested version pending</Badge>}
          </div>
          <div className="grid gap-3 md:grid-cols-3">
            <Findings title="Worked" items={r.findings.worked} tone="text-profit" />
            <Findings title="Failed" items={r.findings.failed} tone="text-loss" />
            <Findings title="Suggestions" items={r.findings.suggestions} tone="text-slate-200" />
          </div>
          {r.findings.promptChange && (
            <div className="mt-3 flex flex-wrap items-center gap-3 border-t border-surface-border pt-3">
              <p className="flex-1 text-sm text-slate-300">
                Suggested prompt change: {r.findings.promptChange.rationale}
              </p>
              {r.draftPending && r.draftVersionId && (
                <>
                  <Link
                    href={`/strategies?draft=${r.draftVersionId}`}
                    className="rounded-md border border-surface-border px-3 py-2 text-sm text-slate-200 hover:bg-slate-800"
                  >
                    Review suggested version
                  </Link>
                  <Button type="button" disabled={pending} onClick={() => accept(r.id)}>
                    Accept
                  </Button>
                </>
              )}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

function Findings({ title, items, tone }: { title: string; items: string[]; tone: string }) {
  return (
    <div>
      <h3 className={`text-xs font-semibold uppercase tracking-wide ${tone}`}>{title}</h3>
      {items.length === 0 ? (
        <p className="text-sm text-slate-500">—</p>
      ) : (
        <ul className="list-disc space-y-0.5 pl-4 text-sm text-slate-300">
          {items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
