import { Sma, smaBatch } from './sma';

/**
 * Simple moving average of volume (default 20 bars), e.g. for "volume above average" filters.
 * Same arithmetic and conventions as `Sma` (`warmup = period - 1`); `update` takes a bar's volume.
 */
export class VolumeSma extends Sma {
  constructor(period = 20) {
    super(period);
  }
}

/** Volume SMA over a volume column; NaN before warm-up. */
export function volumeSmaBatch(volume: Float64Array, period = 20): Float64Array {
  return smaBatch(volume, period);
}
