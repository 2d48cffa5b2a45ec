import { type Candle } from '../types';

/**
 * The one candle object a run reuses for every bar (the loop overwrites its fields). A class
 * with fields initialised to doubles gets a map of its own with double fields, so the six
 * stores per bar write in place. A `{ time: 0, … }` literal shares its map with every other
 * candle literal in the process; once some code stores a non-double in one (it happens), the
 * fields turn generic and every store boxes a fresh number: 6 allocations per bar, ~100 MB and
 * a dozen scavenges per million candles.
 */
export class BarCandle implements Candle {
  time = NaN;
  open = NaN;
  high = NaN;
  low = NaN;
  close = NaN;
  volume = NaN;
}
