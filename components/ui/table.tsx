import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';

/** A dense data table that scrolls sideways on narrow screens. */
export function Table({ children, label }: { children: ReactNode; label?: string }) {
  return (
    // `relative`: visually hidden (absolute) header labels scroll with the table instead of
    // widening the page.
    <div className="relative -mx-2 overflow-x-auto">
      <table aria-label={label} className="w-full min-w-max border-collapse text-left text-sm">
        {children}
      </table>
    </div>
  );
}

export function Th({ className = '', ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={`border-b border-surface-border px-2 py-2 text-xs font-medium uppercase tracking-wide text-slate-400 ${className}`}
      {...props}
    />
  );
}

export function Td({ className = '', ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return (
    <td
      className={`border-b border-surface-border/60 px-2 py-2 align-middle ${className}`}
      {...props}
    />
  );
}

/** A right-aligned, tabular-figures cell for numbers. */
export function NumTd({ className = '', ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <Td className={`text-right font-mono tabular-nums ${className}`} {...props} />;
}

/** The "Details" / "Hide" button of a row that expands into a `DetailRow` below it. */
export function DetailsToggle({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      aria-expanded={open}
      onClick={onToggle}
      className="text-sm text-accent hover:underline"
    >
      {open ? 'Hide' : 'Details'}
    </button>
  );
}

/** The full-width row under an expanded row, holding its details. */
export function DetailRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="border-b border-surface-border bg-surface/60 px-4 py-4">
        {children}
      </td>
    </tr>
  );
}
