/**
 * True range of a bar: the largest of `high - low`, `|high - prevClose|`, `|low - prevClose|`;
 * just `high - low` when there is no previous close (`prevClose` is NaN).
 */
export function trueRange(high: number, low: number, prevClose: number): number {
  let tr = high - low;
  if (prevClose === prevClose) {
    const up = high - prevClose;
    const down = prevClose - low;
    if (up > tr) tr = up;
    if (down > tr) tr = down;
  }
  return tr;
}
