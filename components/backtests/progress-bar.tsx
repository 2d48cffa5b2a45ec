/** A labelled progress bar (0–100). */
export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div className="flex items-center gap-2">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        className="h-2 w-full min-w-24 overflow-hidden rounded-full bg-slate-800"
      >
        <div
          className="h-full rounded-full bg-accent transition-[width] duration-300"
          style={{ width: `${value}%` }}
        />
      </div>
      <span className="w-10 text-right font-mono text-xs tabular-nums text-slate-400">
        {value}%
      </span>
    </div>
  );
}
