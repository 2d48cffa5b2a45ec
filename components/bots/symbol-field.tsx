'use client';

import { useEffect, useId, useState } from 'react';
import { searchSymbolsAction } from '@/app/(app)/bots/actions';

/** Symbol input with suggestions from the account's markets (a `<datalist>`, keyboard-native). */
export function SymbolField({
  value,
  onChange,
  accountId,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  accountId?: string;
  error?: string[];
}) {
  const listId = useId();
  const [found, setFound] = useState<{ query: string; options: { symbol: string }[] }>({
    query: '',
    options: [],
  });
  useEffect(() => {
    const query = value.trim();
    if (!query) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      void searchSymbolsAction(null, {
        query,
        ...(accountId ? { exchangeAccountId: accountId } : {}),
      }).then((result) => {
        if (!cancelled && result.ok) setFound({ query, options: result.data });
      });
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [value, accountId]);
  const options = found.options;
  const searched = found.query === value.trim();
  const exact = options.some((o) => o.symbol === value.trim().toUpperCase());
  return (
    <div className="space-y-1">
      <label htmlFor="symbol" className="block text-sm font-medium text-slate-300">
        Symbol
      </label>
      <input
        id="symbol"
        name="symbol"
        list={listId}
        value={value}
        autoComplete="off"
        placeholder="BTC/USDT"
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby="symbol-hint symbol-error"
        className="w-full rounded-md border border-surface-border bg-surface px-3 py-2 font-mono text-sm text-slate-100 focus:border-accent focus:outline-none"
      />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.symbol} value={o.symbol} />
        ))}
      </datalist>
      <p id="symbol-hint" className="text-xs text-slate-500">
        {value.trim() && searched && options.length === 0
          ? 'No matching market on this account.'
          : exact
            ? 'Market found on this account.'
            : 'Type to search the account’s markets, e.g. btc or ETH/USDT.'}
      </p>
      {error && (
        <p id="symbol-error" className="text-sm text-loss">
          {error.join(' ')}
        </p>
      )}
    </div>
  );
}
