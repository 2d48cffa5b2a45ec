'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import {
  createAccessTokenAction,
  createWebhookTokenAction,
  revokeAccessTokenAction,
  revokeWebhookTokenAction,
  rotateWebhookTokenAction,
} from '@/app/(app)/settings/token-actions';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { TextField } from '@/components/ui/text-field';
import { toast } from '@/components/ui/toast';
import type { AccessTokenView } from '@/lib/signals/access-tokens';
import type { WebhookTokenView } from '@/lib/signals/webhook-tokens';
import { formatDateTime } from '@/lib/format';

type Pending = {
  kind: 'revoke-webhook' | 'rotate-webhook' | 'revoke-pat';
  id: string;
  label: string;
} | null;

/** Webhook tokens (TradingView) and personal access tokens: create, rotate, revoke. Secrets show once. */
export function TokensPanel({
  webhooks,
  pats,
}: {
  webhooks: readonly WebhookTokenView[];
  pats: readonly AccessTokenView[];
}) {
  const router = useRouter();
  const [secret, setSecret] = useState<{ title: string; value: string; extra?: string } | null>(
    null,
  );
  const [confirm, setConfirm] = useState<Pending>(null);
  const [webhookLabel, setWebhookLabel] = useState('');
  const [patLabel, setPatLabel] = useState('');
  const [patTrade, setPatTrade] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const createWebhook = () =>
    start(async () => {
      const r = await createWebhookTokenAction(null, { label: webhookLabel });
      if (!r.ok) return setError(r.error.fields?.label?.join(' ') ?? r.error.message);
      setError(null);
      setWebhookLabel('');
      setSecret({ title: 'Webhook URL (shown once)', value: r.data.url, extra: r.data.template });
      router.refresh();
    });
  const createPat = () =>
    start(async () => {
      const r = await createAccessTokenAction(null, {
        label: patLabel,
        scopes: patTrade ? ['read', 'trade'] : ['read'],
      });
      if (!r.ok) return setError(r.error.fields?.label?.join(' ') ?? r.error.message);
      setError(null);
      setPatLabel('');
      setSecret({ title: 'Personal access token (shown once)', value: r.data.token });
      router.refresh();
    });
  const act = () =>
    start(async () => {
      if (!confirm) return;
      const { kind, id } = confirm;
      setConfirm(null);
      if (kind === 'rotate-webhook') {
        const r = await rotateWebhookTokenAction(null, { tokenId: id });
        if (r.ok)
          setSecret({
            title: 'New webhook URL (shown once)',
            value: r.data.url,
            extra: r.data.template,
          });
        else toast(r.error.message, 'error');
      } else {
        const r =
          kind === 'revoke-webhook'
            ? await revokeWebhookTokenAction(null, { tokenId: id })
            : await revokeAccessTokenAction(null, { tokenId: id });
        toast(r.ok ? 'Token revoked.' : r.error.message, r.ok ? 'success' : 'error');
      }
      router.refresh();
    });
  const copy = (text: string) =>
    void navigator.clipboard?.writeText(text).then(() => toast('Copied.', 'success'));

  return (
    <div className="space-y-6">
      {error && <Alert tone="error">{error}</Alert>}
      {secret && (
        <div className="space-y-2 rounded-md border border-accent/40 bg-accent/10 p-3">
          <p className="text-sm font-medium text-blue-100">{secret.title}</p>
          <div className="flex gap-2">
            <code className="flex-1 overflow-x-auto rounded bg-black/40 px-2 py-1 text-xs text-slate-100">
              {secret.value}
            </code>
            <Button
              type="button"
              variant="secondary"
              className="px-2.5 py-1 text-xs"
              onClick={() => copy(secret.value)}
            >
              Copy
            </Button>
          </div>
          {secret.extra && (
            <pre className="overflow-x-auto rounded bg-black/40 p-2 text-xs text-slate-300">
              {secret.extra}
            </pre>
          )}
          <Button
            type="button"
            variant="secondary"
            className="px-2.5 py-1 text-xs"
            onClick={() => setSecret(null)}
          >
            I saved it
          </Button>
        </div>
      )}
      <TokenList
        title="Webhook tokens (TradingView alerts)"
        rows={webhooks.map((t) => ({
          id: t.id,
          label: t.label,
          prefix: t.prefix,
          lastUsedAt: t.lastUsedAt,
          revokedAt: t.revokedAt,
          note: t.botId ? 'bound to a bot' : null,
        }))}
        onRotate={(row) => setConfirm({ kind: 'rotate-webhook', id: row.id, label: row.label })}
        onRevoke={(row) => setConfirm({ kind: 'revoke-webhook', id: row.id, label: row.label })}
      />
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-[16rem] flex-1">
          <TextField
            label="New webhook token name"
            name="webhookLabel"
            value={webhookLabel}
            onChange={(e) => setWebhookLabel(e.target.value)}
          />
        </div>
        <Button type="button" disabled={pending || !webhookLabel.trim()} onClick={createWebhook}>
          Create webhook token
        </Button>
      </div>
      <TokenList
        title="Personal access tokens (REST API)"
        rows={pats.map((t) => ({
          id: t.id,
          label: t.label,
          prefix: t.prefix,
          lastUsedAt: t.lastUsedAt,
          revokedAt: t.revokedAt,
          note: t.scopes.join(', '),
        }))}
        onRevoke={(row) => setConfirm({ kind: 'revoke-pat', id: row.id, label: row.label })}
      />
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-[16rem] flex-1">
          <TextField
            label="New access token name"
            name="patLabel"
            value={patLabel}
            onChange={(e) => setPatLabel(e.target.value)}
          />
        </div>
        <label className="flex items-center gap-2 pb-2 text-sm text-slate-300">
          <input
            type="checkbox"
            checked={patTrade}
            onChange={(e) => setPatTrade(e.target.checked)}
            className="accent-accent"
          />
          Allow trading
        </label>
        <Button type="button" disabled={pending || !patLabel.trim()} onClick={createPat}>
          Create access token
        </Button>
      </div>
      <ConfirmDialog
        open={confirm !== null}
        title={
          confirm?.kind === 'rotate-webhook'
            ? `Rotate ${confirm.label}?`
            : `Revoke ${confirm?.label ?? 'token'}?`
        }
        confirmLabel={confirm?.kind === 'rotate-webhook' ? 'Rotate' : 'Revoke'}
        pending={pending}
        onConfirm={act}
        onCancel={() => setConfirm(null)}
      >
        {confirm?.kind === 'rotate-webhook'
          ? 'The old URL stops working at once; update your TradingView alerts.'
          : 'Anything using this token stops working at once.'}
      </ConfirmDialog>
    </div>
  );
}

interface Row {
  id: string;
  label: string;
  prefix: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  note: string | null;
}

function TokenList({
  title,
  rows,
  onRotate,
  onRevoke,
}: {
  title: string;
  rows: readonly Row[];
  onRotate?: (row: Row) => void;
  onRevoke: (row: Row) => void;
}) {
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-400">{title}</h3>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">None yet. Create one below.</p>
      ) : (
        <ul className="divide-y divide-surface-border rounded-md border border-surface-border">
          {rows.map((row) => (
            <li
              key={row.id}
              className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm"
            >
              <div>
                <p className="flex items-center gap-2 text-slate-100">
                  {row.label} <code className="text-xs text-slate-500">{row.prefix}…</code>
                  {row.revokedAt ? (
                    <Badge tone="loss">revoked</Badge>
                  ) : (
                    <Badge tone="profit">active</Badge>
                  )}
                </p>
                <p className="text-xs text-slate-500">
                  {row.note ? `${row.note} · ` : ''}last used{' '}
                  {row.lastUsedAt ? formatDateTime(row.lastUsedAt) : 'never'}
                </p>
              </div>
              {!row.revokedAt && (
                <div className="flex gap-2">
                  {onRotate && (
                    <Button
                      type="button"
                      variant="secondary"
                      className="px-2.5 py-1 text-xs"
                      onClick={() => onRotate(row)}
                    >
                      Rotate
                    </Button>
                  )}
                  <Button
                    type="button"
                    variant="secondary"
                    className="px-2.5 py-1 text-xs"
                    onClick={() => onRevoke(row)}
                  >
                    Revoke
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
