import type { RuleResult } from '@/lib/core/risk';

const style = {
  passed: { mark: '✓', className: 'text-profit' },
  skipped: { mark: '–', className: 'text-slate-500' },
  failed: { mark: '✕', className: 'text-loss' },
} as const;

/** Every risk rule's result for one order: passed, skipped (and why) or failed (with numbers). */
export function RiskResults({ results }: { results: readonly RuleResult[] }) {
  if (results.length === 0)
    return <p className="text-sm text-slate-400">No rule results recorded.</p>;
  return (
    <ul aria-label="Risk check" className="space-y-1 text-sm">
      {results.map((r) => (
        <li key={r.rule} data-testid={`risk-${r.status}`} className="flex gap-2">
          <span
            aria-hidden="true"
            className={`w-4 shrink-0 font-bold ${style[r.status].className}`}
          >
            {style[r.status].mark}
          </span>
          <span className="w-40 shrink-0 text-slate-300">{r.rule}</span>
          <span className={r.status === 'failed' ? 'text-red-200' : 'text-slate-500'}>
            <span className="sr-only">{r.status}: </span>
            {r.status === 'failed'
              ? r.message
              : r.status === 'skipped'
                ? r.note
                : (r.note ?? 'passed')}
          </span>
        </li>
      ))}
    </ul>
  );
}
