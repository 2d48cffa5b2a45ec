'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';

export interface WebhookSecret {
  token: string;
  url: string;
  template: string;
  help: string;
}

/** A harmless alert: closing BTC/USDT does nothing when no BTC position is open. */
export function testAlertBody(now: Date): string {
  return JSON.stringify({
    ticker: 'BTCUSDT',
    action: 'close',
    alert_id: `osprey-test-${now.getTime()}`,
    strategy: 'Osprey test alert',
    timeframe: '1m',
  });
}

async function copy(text: string, what: string) {
  try {
    await navigator.clipboard.writeText(text);
    toast(`${what} copied`, 'success');
  } catch {
    toast(`Select the ${what.toLowerCase()} and copy it by hand.`, 'info');
  }
}

/** The URL, TradingView message template and a "send test alert" button, shown once after create or rotate. */
export function WebhookSecretPanel({
  secret,
  onDone,
}: {
  secret: WebhookSecret;
  onDone: () => void;
}) {
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const sendTest = async () => {
    setSending(true);
    try {
      // Through the real webhook, exactly as TradingView would post it.
      const response = await fetch(secret.url, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: testAlertBody(new Date()),
      });
      const text = await response.text();
      setResult(
        `${response.status} ${response.ok ? 'accepted' : 'refused'}: ${text.slice(0, 200)}`,
      );
      toast(
        response.ok
          ? 'Test alert received: it appears in the list below.'
          : `The webhook refused the test alert (${response.status}).`,
        response.ok ? 'success' : 'error',
      );
    } catch (error) {
      setResult(`Could not reach the webhook: ${String(error)}`);
    } finally {
      setSending(false);
    }
  };
  return (
    <div
      className="space-y-3 rounded-md border border-accent/40 bg-accent/5 p-4"
      aria-label="Your new webhook"
    >
      <p className="text-sm text-amber-200">Copy the URL now: the token is shown only once.</p>
      <div>
        <label
          htmlFor="webhook-url"
          className="block text-xs uppercase tracking-wide text-slate-400"
        >
          Webhook URL
        </label>
        <div className="flex gap-2">
          <input
            id="webhook-url"
            readOnly
            value={secret.url}
            onFocus={(e) => e.target.select()}
            className="flex-1 rounded-md border border-surface-border bg-surface px-3 py-2 font-mono text-xs text-slate-100"
          />
          <Button type="button" variant="secondary" onClick={() => void copy(secret.url, 'URL')}>
            Copy URL
          </Button>
        </div>
      </div>
      <div>
        <label
          htmlFor="webhook-template"
          className="block text-xs uppercase tracking-wide text-slate-400"
        >
          TradingView alert message
        </label>
        <textarea
          id="webhook-template"
          readOnly
          rows={10}
          value={secret.template}
          className="w-full rounded-md border border-surface-border bg-surface px-3 py-2 font-mono text-xs text-slate-100"
        />
        <div className="flex justify-end">
          <Button
            type="button"
            variant="secondary"
            onClick={() => void copy(secret.template, 'Template')}
          >
            Copy template
          </Button>
        </div>
      </div>
      <p className="text-xs text-slate-400">{secret.help}</p>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" onClick={() => void sendTest()} disabled={sending}>
          {sending ? 'Sending…' : 'Send test alert'}
        </Button>
        <span className="text-xs text-slate-400">
          Posts a “close BTCUSDT” alert to the URL above; with no BTC position open it changes
          nothing.
        </span>
      </div>
      {result && (
        <p data-testid="test-alert-result" className="font-mono text-xs text-slate-300">
          {result}
        </p>
      )}
      <Button type="button" variant="secondary" onClick={onDone}>
        Done
      </Button>
    </div>
  );
}
