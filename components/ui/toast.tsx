'use client';

import { useEffect, useId, useState, useSyncExternalStore } from 'react';

export type ToastTone = 'success' | 'error' | 'info';
interface ToastItem {
  id: number;
  tone: ToastTone;
  message: string;
}

let items: ToastItem[] = [];
let nextId = 1;
let owner: string | null = null;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

/** Shows a toast for 5 s (errors for 8 s). Callable from any client code. */
export function toast(message: string, tone: ToastTone = 'info'): void {
  const id = nextId++;
  items = [...items, { id, tone, message }].slice(-4);
  emit();
  setTimeout(() => dismiss(id), tone === 'error' ? 8000 : 5000);
}

function dismiss(id: number) {
  items = items.filter((t) => t.id !== id);
  emit();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

const tones: Record<ToastTone, string> = {
  success: 'border-profit/50 bg-[#0f2418] text-green-100',
  error: 'border-loss/50 bg-[#2a1214] text-red-100',
  info: 'border-accent/50 bg-[#111d33] text-blue-100',
};

/**
 * Renders the toasts. Mount it once per page tree; extra instances render nothing, so mounting
 * it in the layout later and in pages now does no harm.
 */
export function Toaster() {
  const list = useSyncExternalStore(
    subscribe,
    () => items,
    () => items,
  );
  const id = useId();
  const [isOwner, setIsOwner] = useState(false);
  useEffect(() => {
    if (owner !== null) return;
    owner = id;
    setIsOwner(true);
    return () => {
      owner = null;
    };
  }, [id]);
  if (!isOwner) return null;
  return (
    <div
      aria-live="polite"
      className="pointer-events-none fixed bottom-4 right-4 z-50 flex w-80 flex-col gap-2"
    >
      {list.map((t) => (
        <div
          key={t.id}
          role={t.tone === 'error' ? 'alert' : 'status'}
          className={`pointer-events-auto flex items-start gap-2 rounded-md border px-3 py-2 text-sm shadow-lg ${tones[t.tone]}`}
        >
          <span className="flex-1">{t.message}</span>
          <button
            type="button"
            aria-label="Dismiss"
            onClick={() => dismiss(t.id)}
            className="text-slate-400 hover:text-white"
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
