import { Badge } from '@/components/ui/badge';
import { Stat } from '@/components/ui/stat';
import { Table, Td, Th } from '@/components/ui/table';
import { formatDateTime, formatDuration, formatMoney, formatPercent } from '@/lib/format';
import type { HealthSnapshot } from '@/lib/admin/health-snapshot';

function bytes(n: number): string {
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

const ms = (n: number | null) =>
  n === null ? '—' : n < 1000 ? `${n} ms` : `${(n / 1000).toFixed(1)} s`;

const rate = (part: number, whole: number) =>
  whole === 0 ? '0.00%' : formatPercent((part / whole) * 100);

/** System health: workers and heartbeats, queues, cycle latency, error rates, AI spend, DB size. */
export function HealthPanel({ health }: { health: HealthSnapshot }) {
  const alive = health.workers.filter((w) => w.state === 'alive').length;
  const { queues, cycles, errors } = health;
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat
          label="Workers alive"
          value={alive}
          valueClass={alive > 0 ? 'text-profit' : 'text-loss'}
          hint={`${health.workers.length} known`}
        />
        <Stat
          label="Queue depth"
          value={queues.queuedSignals + queues.dueBots}
          valueClass={
            queues.queuedSignals + queues.dueBots > 20 ? 'text-amber-300' : 'text-slate-100'
          }
          hint={`${queues.queuedSignals} signals · ${queues.dueBots} due bots · ${queues.runningBots} running`}
        />
        <Stat
          label="Cycle latency p95"
          value={ms(cycles.p95Ms)}
          hint={`${cycles.cycles} cycles last hour · avg ${ms(cycles.avgMs)} · ${cycles.errors} errors`}
        />
        <Stat label="Database size" value={bytes(health.databaseBytes)} hint="pg_database_size" />
        <Stat
          label="Exchange errors 24 h"
          value={errors.exchangeErrors}
          valueClass={errors.exchangeErrors > 0 ? 'text-amber-300' : 'text-slate-100'}
          hint={`${errors.logErrors} error lines of ${errors.logLines} logged`}
        />
        <Stat
          label="AI error rate 24 h"
          value={rate(errors.aiErrors, errors.aiDecisions)}
          valueClass={errors.aiErrors > 0 ? 'text-amber-300' : 'text-slate-100'}
          hint={`${errors.aiErrors} of ${errors.aiDecisions} decisions`}
        />
        <Stat
          label="AI spend today"
          value={`$${formatMoney(errors.aiSpendToday)}`}
          hint={`$${formatMoney(errors.aiSpend24h)} over 24 h`}
        />
        <Stat
          label="Global kill switch"
          value={health.killSwitch ? 'ON' : 'off'}
          valueClass={health.killSwitch ? 'text-loss' : 'text-profit'}
          hint={health.killSwitch ? 'New trades blocked' : 'Trading allowed'}
        />
      </div>
      <Table label="Workers">
        <thead>
          <tr>
            <Th>Worker</Th>
            <Th>Host</Th>
            <Th>Version</Th>
            <Th>Started</Th>
            <Th>Last heartbeat</Th>
            <Th>State</Th>
          </tr>
        </thead>
        <tbody>
          {health.workers.length === 0 ? (
            <tr>
              <Td colSpan={6} className="text-slate-400">
                No worker has reported yet. Start one with{' '}
                <code className="font-mono">npm start</code> or{' '}
                <code className="font-mono">npm run worker</code>.
              </Td>
            </tr>
          ) : (
            health.workers.map((w) => (
              <tr key={w.id}>
                <Td className="font-mono text-xs">{w.id}</Td>
                <Td>
                  {w.hostname} <span className="text-slate-500">pid {w.pid}</span>
                </Td>
                <Td>{w.version}</Td>
                <Td>{formatDateTime(w.startedAt)}</Td>
                <Td>
                  {w.stoppedAt
                    ? `stopped ${formatDateTime(w.stoppedAt)}`
                    : `${formatDuration(w.ageMs)} ago`}
                </Td>
                <Td>
                  <Badge
                    tone={w.state === 'alive' ? 'profit' : w.state === 'stale' ? 'warn' : 'neutral'}
                  >
                    {w.state}
                  </Badge>
                </Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
      <p className="text-xs text-slate-500">
        Snapshot taken {formatDateTime(health.takenAt)}; refreshes every 15 s.
      </p>
    </div>
  );
}
