/** Throws a RangeError unless `value` is a positive integer (a window length or period). */
export function assertPeriod(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
}

/** Throws a RangeError unless every column has the same length; returns that length. */
export function assertSameLength(...columns: Float64Array[]): number {
  const n = columns[0]?.length ?? 0;
  for (const column of columns) {
    if (column.length !== n) {
      throw new RangeError(`columns must have the same length (${n} vs ${column.length})`);
    }
  }
  return n;
}
