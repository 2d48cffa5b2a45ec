import type { DiffLine } from '@/lib/ai-runtime';

const look = {
  same: 'text-slate-400',
  add: 'bg-profit/10 text-green-200',
  remove: 'bg-loss/10 text-red-200 line-through decoration-red-400/40',
} as const;
const mark = { same: ' ', add: '+', remove: '−' } as const;

/** A line diff of two prompts: added lines green, removed lines red. */
export function DiffView({ lines }: { lines: DiffLine[] }) {
  if (lines.every((l) => l.op === 'same'))
    return <p className="text-sm text-slate-400">The prompt did not change.</p>;
  return (
    <pre
      aria-label="Prompt diff"
      className="max-h-96 overflow-auto rounded-md border border-surface-border bg-black/40 p-2 font-mono text-xs leading-5"
    >
      {lines.map((l, i) => (
        <div key={i} className={look[l.op]} data-op={l.op}>
          <span aria-hidden className="mr-2 select-none text-slate-500">
            {mark[l.op]}
          </span>
          {l.text || ' '}
        </div>
      ))}
    </pre>
  );
}
