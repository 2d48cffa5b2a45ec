import { BacktestForm } from '@/components/backtests/backtest-form';
import { CsvImportPanel } from '@/components/backtests/csv-import-panel';
import { RunList } from '@/components/backtests/run-list';
import { Card } from '@/components/ui/card';
import { requireUser } from '@/lib/auth/current-user';
import { aiStrategyOptions, initialSelection } from '@/lib/backtests/ai-strategy-options';
import { listUserBacktests } from '@/lib/backtests/backtests';
import { listStrategies } from '@/lib/core/strategy';
import { DEFAULT_SIMULATED_SYMBOLS } from '@/lib/exchange/market-data';
import { getTrading } from '@/lib/trading/runtime';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Backtests' };

const DAY = 86_400_000;

export default async function BacktestsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const runs = await listUserBacktests(getTrading().deps.db, user.id);
  const aiStrategies = await aiStrategyOptions(getTrading().deps.db, user.id);
  const initial = initialSelection(await searchParams, aiStrategies);
  const today = Math.floor(Date.now() / DAY) * DAY;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-100">Backtests</h1>
        <p className="text-sm text-slate-400">
          The live strategies, sizing and fill model replayed bar by bar on history. Signals fill at
          the next bar’s open by default; every option is recorded with the run.
        </p>
      </div>
      <Card title="New backtest">
        <BacktestForm
          strategies={listStrategies()}
          symbols={DEFAULT_SIMULATED_SYMBOLS}
          defaultRange={{ from: day(today - 180 * DAY), to: day(today) }}
          aiStrategies={aiStrategies}
          initial={initial}
        />
      </Card>
      <Card title="Runs">
        <RunList
          runs={runs.map(
            ({ rangeFrom, rangeTo, createdAt, startedAt: _s, finishedAt: _f, ...rest }) => ({
              ...rest,
              rangeFrom: rangeFrom.toISOString(),
              rangeTo: rangeTo.toISOString(),
              createdAt: createdAt.toISOString(),
            }),
          )}
        />
      </Card>
      {user.role === 'admin' && (
        <Card title="Import candles (CSV)">
          <CsvImportPanel symbols={DEFAULT_SIMULATED_SYMBOLS} />
        </Card>
      )}
    </div>
  );
}
