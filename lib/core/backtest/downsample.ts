/** A time series as two parallel columns. */
export interface Series {
  time: ArrayLike<number>;
  values: ArrayLike<number>;
}

/** A downsampled series (new arrays). */
export interface SampledSeries {
  time: Float64Array;
  values: Float64Array;
}

/**
 * At most `maxPoints` points of a series for display, keeping its extremes: the first and last
 * points, and for each of (maxPoints − 2) / 2 equal buckets in between its lowest and highest
 * point in time order. Unlike averaging or LTTB, the global maximum and minimum (the equity
 * peak and the deepest drawdown) always survive. A series that already fits is copied as is.
 */
export function downsample(series: Series, maxPoints: number): SampledSeries {
  const n = series.values.length;
  if (series.time.length !== n) {
    throw new RangeError(`Series has ${n} values but ${series.time.length} times`);
  }
  if (!Number.isInteger(maxPoints) || maxPoints < 4) {
    throw new RangeError(`maxPoints must be an integer of at least 4, got ${maxPoints}`);
  }
  if (n <= maxPoints) {
    return { time: Float64Array.from(series.time), values: Float64Array.from(series.values) };
  }
  const { time, values } = series;
  const buckets = Math.floor((maxPoints - 2) / 2);
  const outTime: number[] = [time[0]!];
  const outValues: number[] = [values[0]!];
  const push = (i: number) => {
    outTime.push(time[i]!);
    outValues.push(values[i]!);
  };
  const inner = n - 2;
  for (let b = 0; b < buckets; b++) {
    const from = 1 + Math.floor((b * inner) / buckets);
    const to = 1 + Math.floor(((b + 1) * inner) / buckets);
    let lo = from;
    let hi = from;
    for (let i = from + 1; i < to; i++) {
      if (values[i]! < values[lo]!) lo = i;
      if (values[i]! > values[hi]!) hi = i;
    }
    if (lo === hi) push(lo);
    else if (lo < hi) {
      push(lo);
      push(hi);
    } else {
      push(hi);
      push(lo);
    }
  }
  push(n - 1);
  return { time: Float64Array.from(outTime), values: Float64Array.from(outValues) };
}
