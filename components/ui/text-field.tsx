import type { InputHTMLAttributes } from 'react';

/** A labelled input with its inline error, wired for screen readers. */
export function TextField({
  label,
  name,
  error,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; error?: string[] }) {
  // `id` defaults to the name; pass one when two forms on a page share a field name.
  const id = props.id ?? name;
  const errorId = `${id}-error`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-300">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className="w-full rounded-md border border-surface-border bg-surface px-3 py-2 text-sm text-slate-100 placeholder:text-slate-500 focus:border-accent focus:outline-none"
        {...props}
      />
      {error && (
        <p id={errorId} className="text-sm text-loss">
          {error.join(' ')}
        </p>
      )}
    </div>
  );
}
