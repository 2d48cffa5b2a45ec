'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import {
  createWebhookTokenAction,
  revokeWebhookTokenAction,
  rotateWebhookTokenAction,
} from '@/app/(app)/settings/token-actions';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Table, Td, Th } from '@/components/ui/table';
import { toast } from '@/components/ui/toast';
import { formatDateTime } from '@/lib/format';
import type { WebhookTokenView } from '@/lib/signals/webhook-tokens';
import { WebhookSecretPanel, type WebhookSecret } from './webhook-secret';

/** Webhook tokens for TradingView: create, rotate, revoke; the URL and template show once. */
export function WebhookSetup({
  tokens,
  bots,
  origin,
}: {
  tokens: WebhookTokenView[];
  bots: { id: string; name: string }[];
  origin: string;
}) {
  const router = useRouter();
  const [secret, setSecret] = useState<WebhookSecret | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [confirm, setConfirm] = useState<{
    kind: 'rotate' | 'revoke';
    token: WebhookTokenView;
  } | null>(null);
  const [pending, startTransition] = useTransition();
  const live = tokens.filter((t) => !t.revokedAt);

  const create = (form: FormData) =>
    startTransition(async () => {
      const result = await createWebhookTokenAction(null, form);
      if (!result.ok) {
        setErrors(result.error.fields ?? { label: [result.error.message] });
        return;
      }
      setErrors({});
      setSecret(result.data);
      toast('Webhook token created', 'success');
      router.refresh();
    });
  const act = () =>
    startTransition(async () => {
      if (!confirm) return;
      const { kind, token } = confirm;
      setConfirm(null);
      if (kind === 'rotate') {
        const result = await rotateWebhookTokenAction(null, { tokenId: token.id });
        if (result.ok) setSecret(result.data);
        toast(
          result.ok
            ? `${token.label}: new URL below; the old one stopped working.`
            : result.error.message,
          result.ok ? 'success' : 'error',
        );
      } else {
        const result = await revokeWebhookTokenAction(null, { tokenId: token.id });
        toast(
          result.ok ? `${token.label} revoked` : result.error.message,
          result.ok ? 'success' : 'error',
        );
      }
      router.refresh();
    });

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-400">
        TradingView posts alerts to{' '}
        <code className="font-mono text-slate-300">
          {origin}/api/webhooks/tradingview/&lt;token&gt;
        </code>
        . Create a token to get your URL.
      </p>
      {secret && <WebhookSecretPanel secret={secret} onDone={() => setSecret(null)} />}
      <form
        action={create}
        className="flex flex-wrap items-end gap-3"
        aria-label="New webhook token"
      >
        <div>
          <label htmlFor="wh-label" className="block text-xs text-slate-400">
            Token name
          </label>
          <input
            id="wh-label"
            name="label"
            required
            maxLength={60}
            placeholder="TradingView"
            aria-invalid={errors.label ? true : undefined}
            aria-describedby={errors.label ? 'wh-label-error' : undefined}
            className="rounded-md border border-surface-border bg-surface px-2 py-1.5 text-sm text-slate-100"
          />
          {errors.label && (
            <p id="wh-label-error" className="text-xs text-loss">
              {errors.label.join(' ')}
            </p>
          )}
        </div>
        <div>
          <label htmlFor="wh-bot" className="block text-xs text-slate-400">
            Bind to bot (optional)
          </label>
          <select
            id="wh-bot"
            name="botId"
            className="rounded-md border border-surface-border bg-surface px-2 py-1.5 text-sm text-slate-100"
          >
            <option value="">Any (default account)</option>
            {bots.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" disabled={pending}>
          Create webhook URL
        </Button>
      </form>
      {live.length > 0 && (
        <Table label="Webhook tokens">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Token</Th>
              <Th>Created</Th>
              <Th>Last used</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {live.map((t) => (
              <tr key={t.id}>
                <Td className="font-medium text-slate-100">
                  {t.label} {t.botId && <Badge tone="info">bot</Badge>}
                </Td>
                <Td className="font-mono text-xs text-slate-400">{t.prefix}…</Td>
                <Td className="text-slate-400">{formatDateTime(t.createdAt)}</Td>
                <Td className="text-slate-400">
                  {t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'never'}
                </Td>
                <Td>
                  <div className="flex gap-2">
                    <Button
                      type="button"
                      variant="secondary"
                      onClick={() => setConfirm({ kind: 'rotate', token: t })}
                    >
                      Rotate
                    </Button>
                    <Button
                      type="button"
                      variant="danger"
                      onClick={() => setConfirm({ kind: 'revoke', token: t })}
                    >
                      Revoke
                    </Button>
                  </div>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {confirm && (
        <ConfirmDialog
          open
          title={
            confirm.kind === 'rotate'
              ? `Rotate ${confirm.token.label}?`
              : `Revoke ${confirm.token.label}?`
          }
          confirmLabel={confirm.kind === 'rotate' ? 'Rotate' : 'Revoke'}
          pending={pending}
          onConfirm={act}
          onCancel={() => setConfirm(null)}
        >
          {confirm.kind === 'rotate'
            ? 'The current URL stops working at once; update your TradingView alerts with the new one.'
            : 'Alerts sent to this URL will be refused.'}
        </ConfirmDialog>
      )}
    </div>
  );
}
