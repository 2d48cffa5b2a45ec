import { type CandleColumns } from '../core/types';

const COLUMNS = ['time', 'open', 'high', 'low', 'close', 'volume'] as const;

/** Candle columns in one SharedArrayBuffer: worker threads read them without any copy. */
export interface SharedCandles {
  buffer: SharedArrayBuffer;
  length: number;
}

/** Copies the columns once into shared memory (six Float64 columns back to back). */
export function toSharedCandles(candles: CandleColumns): SharedCandles {
  const length = candles.time.length;
  const buffer = new SharedArrayBuffer(COLUMNS.length * length * Float64Array.BYTES_PER_ELEMENT);
  COLUMNS.forEach((name, k) => {
    new Float64Array(buffer, k * length * Float64Array.BYTES_PER_ELEMENT, length).set(
      candles[name],
    );
  });
  return { buffer, length };
}

/** Views over shared candles (no copy). */
export function fromSharedCandles(shared: SharedCandles): CandleColumns {
  const { buffer, length } = shared;
  const column = (k: number) =>
    new Float64Array(buffer, k * length * Float64Array.BYTES_PER_ELEMENT, length);
  return {
    time: column(0),
    open: column(1),
    high: column(2),
    low: column(3),
    close: column(4),
    volume: column(5),
  };
}

/** Views of candles [start, end) (no copy). */
export function sliceCandles(candles: CandleColumns, start: number, end: number): CandleColumns {
  return {
    time: candles.time.subarray(start, end),
    open: candles.open.subarray(start, end),
    high: candles.high.subarray(start, end),
    low: candles.low.subarray(start, end),
    close: candles.close.subarray(start, end),
    volume: candles.volume.subarray(start, end),
  };
}
