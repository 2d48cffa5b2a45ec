import { Badge } from '@/components/ui/badge';

interface StoredRuleResult {
  rule: string;
  status: 'passed' | 'skipped' | 'failed';
  note?: string;
  message?: string;
  reason?: string;
}

function isRuleResult(value: unknown): value is StoredRuleResult {
  return typeof value === 'object' && value !== null && 'rule' in value && 'status' in value;
}

const tone = { passed: 'profit', skipped: 'neutral', failed: 'loss' } as const;

/** Each risk rule's result for one signal, failures first. */
export function RiskResults({
  results,
  labels,
}: {
  results: unknown;
  labels: Record<string, string>;
}) {
  const list = Array.isArray(results) ? results.filter(isRuleResult) : [];
  if (list.length === 0)
    return (
      <p className="text-sm text-slate-400">
        No risk evaluation was stored (the signal was not evaluated, e.g. a close or a duplicate).
      </p>
    );
  const order = { failed: 0, passed: 1, skipped: 2 };
  const sorted = [...list].sort((a, b) => order[a.status] - order[b.status]);
  return (
    <ul className="grid gap-1 sm:grid-cols-2" aria-label="Risk rule results">
      {sorted.map((r) => (
        <li key={r.rule} className="flex items-start gap-2 text-sm">
          <Badge tone={tone[r.status]}>{r.status}</Badge>
          <span>
            <span className="text-slate-200">{labels[r.rule] ?? r.rule}</span>
            {(r.message ?? r.note) && (
              <span className="text-slate-400"> — {r.message ?? r.note}</span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
