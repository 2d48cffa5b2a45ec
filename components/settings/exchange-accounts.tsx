'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import {
  addExchangeAccountAction,
  removeExchangeAccountAction,
  testExchangeAccountAction,
} from '@/app/(app)/settings/exchange-actions';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { toast } from '@/components/ui/toast';
import { exchangeAccountInputSchema } from '@/lib/accounts/exchange-account-input';
import type { PublicExchangeAccount } from '@/lib/accounts/exchange-accounts';
import { useFormAction } from './use-form-action';

/** The user's exchange accounts (keys masked) with test and remove, and a form to add one. */
export function ExchangeAccounts({ accounts }: { accounts: readonly PublicExchangeAccount[] }) {
  const router = useRouter();
  const [removing, setRemoving] = useState<PublicExchangeAccount | null>(null);
  const [pending, start] = useTransition();
  const [v, setV] = useState({
    venue: 'binance',
    label: '',
    isTestnet: true,
    apiKey: '',
    apiSecret: '',
  });
  const add = useFormAction(addExchangeAccountAction, {
    validate: (i) => exchangeAccountInputSchema.safeParse(i),
    success: (a) => `${a.label} added. Test the connection next.`,
    onSuccess: () => {
      setV({ venue: 'binance', label: '', isTestnet: true, apiKey: '', apiSecret: '' });
      router.refresh();
    },
  });
  const test = (account: PublicExchangeAccount) =>
    start(async () => {
      const result = await testExchangeAccountAction(null, { accountId: account.id });
      if (!result.ok) return toast(result.error.message, 'error');
      const report = result.data;
      if (report.ok)
        toast(
          `${account.label}: connected${report.warning ? ` (${report.warning})` : ''}.`,
          report.warning ? 'info' : 'success',
        );
      else toast(`${account.label}: ${report.message}`, 'error');
    });
  const remove = () =>
    start(async () => {
      if (!removing) return;
      const result = await removeExchangeAccountAction(null, { accountId: removing.id });
      setRemoving(null);
      if (result.ok) {
        toast('Account removed.', 'success');
        router.refresh();
      } else toast(result.error.message, 'error');
    });
  return (
    <div className="space-y-6">
      <ul className="divide-y divide-surface-border rounded-md border border-surface-border">
        {accounts.map((a) => (
          <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
            <div>
              <p className="flex items-center gap-2 text-sm font-medium text-slate-100">
                {a.label} <Badge tone={a.venue === 'paper' ? 'info' : 'warn'}>{a.venue}</Badge>
                {a.isTestnet && <Badge>testnet</Badge>}
                {a.isDefault && <Badge tone="profit">default</Badge>}
              </p>
              <p className="text-xs text-slate-500">
                {a.apiKeyHint
                  ? `Key ${a.apiKeyHint}`
                  : a.venue === 'paper'
                    ? 'Built-in paper account'
                    : 'No key'}
              </p>
            </div>
            {a.venue !== 'paper' && (
              <div className="flex gap-2">
                <Button
                  type="button"
                  variant="secondary"
                  className="px-2.5 py-1 text-xs"
                  disabled={pending}
                  onClick={() => test(a)}
                >
                  Test
                </Button>
                <Button
                  type="button"
                  variant="secondary"
                  className="px-2.5 py-1 text-xs"
                  disabled={pending}
                  onClick={() => setRemoving(a)}
                >
                  Remove
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.run(v);
        }}
        noValidate
        aria-label="Add exchange account"
        className="space-y-4"
      >
        <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-400">
          Add an account
        </h3>
        {add.error && <Alert tone="error">{add.error}</Alert>}
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <Select
            label="Venue"
            name="venue"
            value={v.venue}
            onChange={(e) => setV({ ...v, venue: e.target.value })}
            options={[
              { value: 'binance', label: 'Binance spot' },
              { value: 'alpaca', label: 'Alpaca crypto' },
            ]}
            error={add.fields.venue}
          />
          <TextField
            label="Label"
            name="label"
            value={v.label}
            onChange={(e) => setV({ ...v, label: e.target.value })}
            error={add.fields.label}
          />
          <TextField
            label="API key"
            name="apiKey"
            autoComplete="off"
            value={v.apiKey}
            onChange={(e) => setV({ ...v, apiKey: e.target.value })}
            error={add.fields.apiKey}
          />
          <TextField
            label="API secret"
            name="apiSecret"
            type="password"
            autoComplete="off"
            value={v.apiSecret}
            onChange={(e) => setV({ ...v, apiSecret: e.target.value })}
            error={add.fields.apiSecret}
          />
        </div>
        <label className="flex items-center gap-2 text-sm text-slate-300">
          <input
            type="checkbox"
            checked={v.isTestnet}
            onChange={(e) => setV({ ...v, isTestnet: e.target.checked })}
            className="accent-accent"
          />
          Testnet / paper endpoint (recommended until you trust your setup)
        </label>
        <p className="text-xs text-slate-500">
          Keys are encrypted at rest and never shown again. Use keys without withdrawal permission.
        </p>
        <Button type="submit" disabled={add.pending}>
          {add.pending ? 'Adding…' : 'Add account'}
        </Button>
      </form>
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.label ?? 'account'}?`}
        confirmLabel="Remove account"
        pending={pending}
        onConfirm={remove}
        onCancel={() => setRemoving(null)}
      >
        Its encrypted keys are deleted. Bots on this account must be deleted or moved first.
      </ConfirmDialog>
    </div>
  );
}
