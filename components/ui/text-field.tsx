import type { InputHTMLAttributes, ReactNode } from 'react';

/** A labelled input with an optional hint and its inline error, wired for screen readers. */
export function TextField({
  label,
  name,
  error,
  hint,
  className,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & {
  label: ReactNode;
  name: string;
  error?: string[];
  hint?: ReactNode;
}) {
  // `id` defaults to the name; pass one when two forms on a page share a field name.
  const id = props.id ?? name;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy =
    [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-300">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`w-full rounded-md border border-surface-border bg-surface px-3 py-2 text-sm text-slate-100 placeholder:text-slate-500 focus:border-accent focus:outline-none ${className ?? ''}`}
        {...props}
      />
      {hint && (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-sm text-loss">
          {error.join(' ')}
        </p>
      )}
    </div>
  );
}
