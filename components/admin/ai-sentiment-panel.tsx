'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { askMarketSentimentAction } from '@/app/(app)/admin/ai-actions';
import { Alert } from '@/components/ui/alert';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { toast } from '@/components/ui/toast';
import { formatDateTime, formatPrice } from '@/lib/format';

export interface SentimentView {
  createdAt: string;
  provider: string;
  model: string;
  overall: string;
  score: number;
  summary: string;
  symbols: { symbol: string; sentiment: string; note: string }[];
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  cost: string;
  latencyMs: number;
  error: string | null;
}

const TONE: Record<string, BadgeTone> = {
  bullish: 'profit',
  bearish: 'loss',
  mixed: 'warn',
  neutral: 'neutral',
};

/** The newest market sentiment summary and the button that asks for a new one. */
export function AiSentimentPanel({ latest }: { latest: SentimentView | null }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const ask = () =>
    start(async () => {
      const result = await askMarketSentimentAction(null, {});
      if (!result.ok) return toast(result.error.message, 'error');
      toast(
        result.data.error
          ? 'The AI provider did not answer; showing the indicator-based summary.'
          : `Market sentiment: ${result.data.overall}.`,
        result.data.error ? 'info' : 'success',
      );
      router.refresh();
    });
  return (
    <div className="space-y-4" aria-busy={pending}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-400">
          Asks the default AI provider for a summary across the symbols of running bots, from their
          recent candles and indicators. A paid provider is billed for the call.
        </p>
        <Button type="button" onClick={ask} disabled={pending}>
          {pending ? 'Asking…' : 'Ask for market sentiment'}
        </Button>
      </div>
      {!latest ? (
        <EmptyState title="No sentiment summary yet">
          Start a bot, then ask: the summary covers every running bot&apos;s symbol.
        </EmptyState>
      ) : (
        <SentimentDetails s={latest} />
      )}
    </div>
  );
}

function SentimentDetails({ s }: { s: SentimentView }) {
  return (
    <div className="space-y-3" data-testid="market-sentiment">
      {s.error && (
        <Alert tone="warning">
          The AI provider could not answer ({s.error}). This is the indicator-based summary.
          {s.error.startsWith('no_api_key') && (
            <>
              {' '}
              Add a key for the default provider in your{' '}
              <Link href="/settings#ai" className="underline">
                AI settings
              </Link>
              .
            </>
          )}
        </Alert>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Badge tone={TONE[s.overall] ?? 'neutral'}>{s.overall}</Badge>
        <span className="font-mono text-sm tabular-nums text-slate-300">
          score {s.score > 0 ? '+' : ''}
          {s.score}
        </span>
        <span className="text-xs text-slate-500">
          {formatDateTime(s.createdAt)} · {s.provider}/{s.model} · {s.inputTokens} in (
          {s.cachedInputTokens} cached) / {s.outputTokens} out · {formatPrice(s.cost)} USD ·{' '}
          {s.latencyMs} ms
        </span>
      </div>
      <p className="text-sm text-slate-200">{s.summary}</p>
      <ul className="grid gap-2 md:grid-cols-2">
        {s.symbols.map((x) => (
          <li key={x.symbol} className="rounded-md border border-surface-border p-3 text-sm">
            <div className="flex items-center gap-2">
              <span className="font-semibold text-slate-100">{x.symbol}</span>
              <Badge tone={TONE[x.sentiment] ?? 'neutral'}>{x.sentiment}</Badge>
            </div>
            {x.note && <p className="mt-1 text-slate-400">{x.note}</p>}
          </li>
        ))}
      </ul>
    </div>
  );
}
