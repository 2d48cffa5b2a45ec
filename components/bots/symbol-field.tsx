'use client';

import { useEffect, useId, useState } from 'react';
import { searchSymbolsAction } from '@/app/(app)/bots/actions';
import { TextField } from '@/components/ui/text-field';

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
    <>
      <TextField
        label="Symbol"
        name="symbol"
        list={listId}
        value={value}
        autoComplete="off"
        placeholder="BTC/USDT"
        onChange={(e) => onChange(e.target.value)}
        className="font-mono"
        hint={
          value.trim() && searched && options.length === 0
            ? 'No matching market on this account.'
            : exact
              ? 'Market found on this account.'
              : 'Type to search the account’s markets, e.g. btc or ETH/USDT.'
        }
        error={error}
      />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.symbol} value={o.symbol} />
        ))}
      </datalist>
    </>
  );
}
