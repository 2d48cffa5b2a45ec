'use client';

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Button } from './button';

/**
 * A modal confirmation for destructive actions (native `<dialog>`: focus trapped, Escape
 * cancels). With `typed`, the confirm button stays disabled until the user types that word.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel = 'Confirm',
  typed,
  pending = false,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel?: string;
  typed?: string;
  pending?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  // Unique per dialog: several confirmations can live on one page.
  const titleId = useId();
  const typedId = useId();
  const [text, setText] = useState('');
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setText('');
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const ready = !typed || text.trim() === typed;
  return (
    <dialog
      ref={ref}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      aria-labelledby={titleId}
      className="m-auto w-full max-w-md rounded-lg border border-surface-border bg-surface-raised p-6 text-slate-200 shadow-2xl backdrop:bg-black/60"
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready && !pending) onConfirm();
        }}
        className="space-y-4"
      >
        <h2 id={titleId} className="text-lg font-semibold text-slate-100">
          {title}
        </h2>
        {children && <div className="text-sm text-slate-300">{children}</div>}
        {typed && (
          <div className="space-y-1">
            <label htmlFor={typedId} className="block text-sm text-slate-300">
              Type <span className="font-mono font-semibold text-slate-100">{typed}</span> to
              confirm
            </label>
            <input
              id={typedId}
              value={text}
              onChange={(e) => setText(e.target.value)}
              autoComplete="off"
              className="w-full rounded-md border border-surface-border bg-surface px-3 py-2 text-sm text-slate-100 focus:border-accent focus:outline-none"
            />
          </div>
        )}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={!ready || pending}>
            {pending ? 'Working…' : confirmLabel}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
