/**
 * Calibration of a strategy version's confidence: decisions bucketed by stated confidence against
 * the outcome "take-profit before stop-loss", with the Brier score (mean squared error of
 * confidence/100 against 1 = take-profit, 0 = stop-loss; 0 is perfect, 0.25 is a coin flip at 50).
 * Trades closed any other way (timeout, manual, signal) say nothing about it and are skipped.
 * Pure: no I/O.
 */

export interface CalibrationSample {
  confidence: number;
  exitReason: string | null;
}

export interface CalibrationBucket {
  /** Confidence range `[from, to)`; the last bucket includes 100. */
  from: number;
  to: number;
  count: number;
  wins: number;
  avgConfidence: number | null;
  /** Share that hit the take-profit, %. */
  hitRatePct: number | null;
  /** `hitRatePct − avgConfidence`: negative = overconfident. */
  gapPct: number | null;
}

export interface Calibration {
  buckets: CalibrationBucket[];
  samples: number;
  /** Samples without a take-profit/stop-loss outcome. */
  skipped: number;
  brierScore: number | null;
}

function outcome(exitReason: string | null): 0 | 1 | undefined {
  if (exitReason === 'take_profit') return 1;
  if (exitReason === 'stop_loss') return 0;
  return undefined;
}

export function calibrate(samples: readonly CalibrationSample[], bucketWidth = 10): Calibration {
  if (!(bucketWidth > 0 && 100 % bucketWidth === 0))
    throw new RangeError('bucketWidth must divide 100');
  const n = 100 / bucketWidth;
  const acc = Array.from({ length: n }, () => ({ count: 0, wins: 0, confidenceSum: 0 }));
  let used = 0;
  let squaredError = 0;
  for (const sample of samples) {
    const y = outcome(sample.exitReason);
    if (y === undefined || !Number.isFinite(sample.confidence)) continue;
    const confidence = Math.min(100, Math.max(0, sample.confidence));
    const bucket = acc[Math.min(n - 1, Math.floor(confidence / bucketWidth))]!;
    bucket.count++;
    bucket.wins += y;
    bucket.confidenceSum += confidence;
    squaredError += (confidence / 100 - y) ** 2;
    used++;
  }
  const buckets = acc.map((b, i): CalibrationBucket => {
    const avgConfidence = b.count ? b.confidenceSum / b.count : null;
    const hitRatePct = b.count ? (b.wins / b.count) * 100 : null;
    return {
      from: i * bucketWidth,
      to: (i + 1) * bucketWidth,
      count: b.count,
      wins: b.wins,
      avgConfidence,
      hitRatePct,
      gapPct: avgConfidence === null || hitRatePct === null ? null : hitRatePct - avgConfidence,
    };
  });
  return {
    buckets,
    samples: used,
    skipped: samples.length - used,
    brierScore: used ? squaredError / used : null,
  };
}
