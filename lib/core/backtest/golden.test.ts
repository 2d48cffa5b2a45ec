import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from './engine-version';
import { type BacktestOptionsInput } from './options';
import { runBacktest } from './run-backtest';
import { seededCandles } from './seeded-candles';
import { type BacktestTrade } from './types';

/*
 * Golden backtests: fixed seeded candles through each built-in strategy. The rounded metrics
 * and a sha256 over every trade are stored in ./golden/*.json; any change to a trade or metric
 * fails here. When a change is deliberate (and ENGINE_VERSION is bumped if the engine changed),
 * rewrite them with `UPDATE_GOLDEN=1 npx vitest run --project unit lib/core/backtest/golden`.
 */

const GOLDEN_DIR = join(import.meta.dirname, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const CANDLES = { count: 8000, seed: 20261121, timeframe: '1h', timeframeMs: 3_600_000 } as const;
const BASE_OPTIONS: BacktestOptionsInput = { feeRate: 0.001, slippageBps: 5 };

interface GoldenCase {
  name: string;
  strategy: string;
  options: BacktestOptionsInput;
}

const CASES: GoldenCase[] = [
  { name: 'sma-cross', strategy: 'sma-cross', options: BASE_OPTIONS },
  { name: 'rsi-reversion', strategy: 'rsi-reversion', options: BASE_OPTIONS },
  { name: 'volatile', strategy: 'volatile', options: BASE_OPTIONS },
  { name: 'simple', strategy: 'simple', options: BASE_OPTIONS },
  { name: 'enhanced', strategy: 'enhanced', options: BASE_OPTIONS },
  {
    // several positions, risk sizing, a max hold, default exits and the risk engine
    name: 'volatile-multi-risk',
    strategy: 'volatile',
    options: {
      ...BASE_OPTIONS,
      maxConcurrent: 3,
      sizing: { kind: 'risk', riskPct: 1 },
      useStrategyExits: false,
      defaultStopLossPct: 3,
      defaultTakeProfitPct: 6,
      maxHoldMs: 48 * 3_600_000,
      riskPolicy: { maxTradeValue: { maxPct: 40 }, maxOpenPositions: { perBot: 3 } },
    },
  },
];

/** A number rounded to `digits` significant digits (stable across float noise); ±Infinity as text. */
function round(x: number, digits: number): number | string {
  if (!Number.isFinite(x)) return String(x);
  return Number(x.toPrecision(digits));
}

function roundRecord(record: object, digits: number): Record<string, number | string | null> {
  const out: Record<string, number | string | null> = {};
  for (const [key, value] of Object.entries(record)) {
    out[key] = typeof value === 'number' ? round(value, digits) : (value as string | null);
  }
  return out;
}

/** sha256 over every trade, each field in a fixed order, numbers to 12 significant digits. */
function tradesHash(trades: readonly BacktestTrade[]): string {
  const hash = createHash('sha256');
  for (const t of trades) {
    const row = [
      t.id,
      t.entryIndex,
      t.exitIndex,
      t.entryTime,
      t.exitTime,
      t.exitReason,
      t.barsHeld,
      t.entryPrice,
      t.exitPrice,
      t.quantity,
      t.entryFee,
      t.exitFee,
      t.pnl,
      t.pnlPct,
      t.stopLoss,
      t.takeProfit,
      t.confidence,
    ].map((v) => (typeof v === 'number' ? round(v, 12) : v));
    hash.update(JSON.stringify(row));
    hash.update('\n');
  }
  return hash.digest('hex');
}

function golden(c: GoldenCase) {
  const candles = seededCandles(CANDLES.count, CANDLES.seed, CANDLES.timeframeMs);
  const result = runBacktest({
    candles,
    timeframe: CANDLES.timeframe,
    strategy: { id: c.strategy },
    options: c.options,
  });
  return {
    name: c.name,
    engineVersion: ENGINE_VERSION,
    candles: { generator: 'seededCandles', ...CANDLES },
    strategy: result.config.strategy,
    options: c.options,
    tradeCount: result.trades.length,
    tradesSha256: tradesHash(result.trades),
    finalEquity: round(result.stats.finalEquity, 10),
    metrics: roundRecord(result.metrics, 10),
    buyAndHold: roundRecord(result.buyAndHold, 10),
    skippedEntries: result.stats.skippedEntries,
    riskRejections: result.stats.riskRejections,
    firstTrades: result.trades.slice(0, 3).map((t) => roundRecord(t, 10)),
  };
}

describe('golden backtests', () => {
  it.each(CASES)('$name matches its stored fingerprint', (c) => {
    const file = join(GOLDEN_DIR, `${c.name}.json`);
    const actual = golden(c);
    if (UPDATE) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
    if (!existsSync(file)) throw new Error(`Missing ${file}: run with UPDATE_GOLDEN=1 once`);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as ReturnType<typeof golden>;
    expect(actual.tradeCount).toBeGreaterThan(10);
    expect(actual).toEqual(stored);
  });
});
