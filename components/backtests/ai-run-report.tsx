import type { Backtest } from '@/lib/db/schema';
import {
  formatPercent,
  formatPrice,
  formatRatio,
  formatSignedMoney,
  formatSignedPercent,
  toneClass,
} from '@/lib/format';
import { Card } from '@/components/ui/card';
import { Stat } from '@/components/ui/stat';
import { NumTd, Table, Td, Th } from '@/components/ui/table';

type Figures = Partial<
  Record<
    | 'tradeCount'
    | 'winRatePct'
    | 'netPnl'
    | 'profitFactor'
    | 'expectancyPct'
    | 'totalReturnPct'
    | 'maxDrawdownPct',
    number | null
  >
>;

/** What `execute-ai-backtest.ts` stores under `stats.ai`. */
interface StoredAi {
  strategyName: string;
  version: number;
  provider: string;
  model: string;
  trainingCutoff: string | null;
  trainingCutoffSource: 'admin' | 'default' | 'unknown';
  decisionEveryBars: number;
  decisionPoints: number;
  cached: number;
  providerCalls: number;
  costUsd: string;
  caps: { maxCalls: number; maxCostUsd: string };
  split: {
    cutoff: string | null;
    before: Figures;
    after: Figures;
    decisions: { before: number; after: number };
  };
  baseline: { strategyId: string; metrics: Figures; tradeCount: number };
}

const ROWS: {
  key: keyof Figures;
  label: string;
  show: (v: number | null | undefined) => string;
  tone?: boolean;
}[] = [
  { key: 'tradeCount', label: 'Trades', show: (v) => (v ?? 0).toLocaleString('en') },
  { key: 'winRatePct', label: 'Win rate', show: (v) => formatPercent(v, 1) },
  { key: 'netPnl', label: 'Net P&L', show: (v) => formatSignedMoney(v), tone: true },
  {
    key: 'expectancyPct',
    label: 'Expectancy / trade',
    show: (v) => formatSignedPercent(v),
    tone: true,
  },
  { key: 'profitFactor', label: 'Profit factor', show: (v) => (v === null ? '∞' : formatRatio(v)) },
  { key: 'totalReturnPct', label: 'Total return', show: (v) => formatSignedPercent(v), tone: true },
  { key: 'maxDrawdownPct', label: 'Max drawdown', show: (v) => formatPercent(v) },
];

/**
 * An AI run's own report: where its decisions came from (cache or provider, calls, cost) and
 * its trades split by the model's training cutoff — decisions made on candles the model may
 * have seen in training against those it cannot have — beside a rules-only baseline on the same
 * candles and options, and buy-and-hold.
 */
export function AiRunReport({ run }: { run: Backtest }) {
  const ai = (run.stats as { ai?: StoredAi } | null)?.ai;
  if (!ai) return null;
  const cutoff = ai.split.cutoff;
  const columns: { label: string; hint: string; figures: Figures | null }[] = [
    { label: 'AI · all trades', hint: 'the whole run', figures: run.metrics ?? {} },
    {
      label: 'AI · before cutoff',
      hint: 'entry decided on data the model may have trained on',
      figures: cutoff ? ai.split.before : null,
    },
    {
      label: 'AI · after cutoff',
      hint: 'entry decided on data newer than the model: out of sample',
      figures: cutoff ? ai.split.after : null,
    },
    {
      label: `Rules baseline · ${ai.baseline.strategyId}`,
      hint: 'default parameters, same candles and options',
      figures: ai.baseline.metrics,
    },
    {
      label: 'Buy & hold',
      hint: 'same window, fees and slippage',
      figures: run.buyAndHold ?? {},
    },
  ];
  return (
    <div className="space-y-6" aria-label="AI backtest report">
      <Card title={`AI decisions · ${ai.strategyName} v${ai.version}`}>
        <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
          <Stat label="Model" value={ai.model} hint={ai.provider} />
          <Stat
            label="Training cutoff"
            value={cutoff ?? 'unknown'}
            hint={
              cutoff
                ? `${ai.split.decisions.before} decisions before, ${ai.split.decisions.after} after (${ai.trainingCutoffSource === 'admin' ? 'set by an admin' : 'published'})`
                : 'no cutoff known for this model: no split'
            }
          />
          <Stat
            label="Decisions"
            value={ai.decisionPoints.toLocaleString('en')}
            hint={`every ${ai.decisionEveryBars} bars`}
          />
          <Stat
            label="From the cache"
            value={ai.cached.toLocaleString('en')}
            hint="zero cost, replayed as stored"
          />
          <Stat
            label="Provider calls"
            value={ai.providerCalls.toLocaleString('en')}
            hint={`cap ${ai.caps.maxCalls} per run`}
          />
          <Stat
            label="AI cost"
            value={`${formatPrice(ai.costUsd)} USD`}
            hint={`cap ${ai.caps.maxCostUsd} USD per run`}
          />
        </div>
      </Card>
      <Card title="AI against the rules baseline and buy-and-hold">
        <Table label="AI results by training cutoff, with baseline and buy-and-hold">
          <thead>
            <tr>
              <Th>Metric</Th>
              {columns.map((c) => (
                <Th key={c.label} className="text-right" title={c.hint}>
                  {c.label}
                </Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row.key}>
                <Td>{row.label}</Td>
                {columns.map((c) => {
                  const value = c.figures ? c.figures[row.key] : undefined;
                  return (
                    <NumTd
                      key={c.label}
                      className={row.tone && value != null ? toneClass(value) : ''}
                    >
                      {c.figures && row.key in c.figures ? row.show(value) : '—'}
                    </NumTd>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </Table>
        <p className="mt-2 text-xs text-slate-500">
          A trade counts on the side of the cutoff where its entry was decided. Results before the
          cutoff can reflect what the model memorised; only the after-cutoff column is out of sample
          for it. Return and drawdown are whole-run figures (the split has trades only).
        </p>
      </Card>
    </div>
  );
}
