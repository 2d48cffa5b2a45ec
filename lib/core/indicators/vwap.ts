import { assertSameLength } from './validate';

/**
 * Session reset for VWAP: a new session starts whenever
 * `floor((time − offsetMs) / sessionMs)` changes, e.g. `{ sessionMs: 86_400_000 }` for UTC days,
 * `{ sessionMs: 86_400_000, offsetMs: −5 × 3_600_000 }` for days starting at 19:00 UTC.
 */
export interface VwapSession {
  sessionMs: number;
  offsetMs?: number;
}

/**
 * Volume-weighted average price of the typical price `(high + low + close) / 3`:
 * `Σ(typical × volume) / Σ volume`, cumulative from the first bar (as `trading-signals`), or from
 * the start of each session when a `VwapSession` is given (then every bar needs its open time,
 * epoch ms). Valid from the first bar (`warmup = 0`); NaN while the session's volume is zero.
 */
export class VwapState {
  /** 0 when cumulative. */
  readonly sessionMs: number;
  readonly offsetMs: number;
  session = NaN;
  /** Σ (high + low + close) × volume: three times Σ typical × volume. */
  pv = 0;
  volume = 0;

  constructor(session?: VwapSession) {
    const sessionMs = session?.sessionMs ?? 0;
    const offsetMs = session?.offsetMs ?? 0;
    if (session && !(Number.isFinite(sessionMs) && sessionMs > 0)) {
      throw new RangeError(`sessionMs must be a positive number, got ${sessionMs}`);
    }
    if (!Number.isFinite(offsetMs))
      throw new RangeError(`offsetMs must be finite, got ${offsetMs}`);
    this.sessionMs = sessionMs;
    this.offsetMs = offsetMs;
  }
}

function sessionOf(time: number, sessionMs: number, offsetMs: number): number {
  const session = Math.floor((time - offsetMs) / sessionMs);
  if (session !== session) throw new RangeError('VWAP with sessions needs finite bar times');
  return session;
}

/**
 * The VWAP arithmetic, shared by `vwapBatch` (whole columns) and `Vwap.update` (one bar): advances
 * `s` over the bars, writing each output to `out` at the same index. `time` is only read (and then
 * required) when `s` resets per session.
 */
export function vwapRun(
  s: VwapState,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  volume: Float64Array,
  time: Float64Array | null,
  out: Float64Array,
): void {
  const sessionMs = s.sessionMs;
  const offsetMs = s.offsetMs;
  if (sessionMs > 0 && (time === null || time.length < high.length)) {
    throw new RangeError('VWAP with sessions needs the time of every bar');
  }
  let session = s.session;
  let pv = s.pv;
  let vol = s.volume;
  const n = high.length;
  let i = 0;
  while (i < n) {
    // Without sessions one run covers everything; with them, one run per session.
    let end = n;
    if (sessionMs > 0) {
      const current = sessionOf(time![i]!, sessionMs, offsetMs);
      if (current !== session) {
        session = current;
        pv = 0;
        vol = 0;
      }
      end = i + 1;
      while (end < n && sessionOf(time![end]!, sessionMs, offsetMs) === session) end++;
    }
    for (; i < end; i++) {
      const v = volume[i]!;
      pv += (high[i]! + low[i]! + close[i]!) * v;
      vol += v;
      out[i] = pv / (3 * vol); // 0 / 0 = NaN while no volume has traded
    }
  }
  s.session = session;
  s.pv = pv;
  s.volume = vol;
}

/** Streaming VWAP: O(1) per bar. */
export class Vwap {
  /** Inputs before the first valid value. */
  readonly warmup = 0;
  readonly #state: VwapState;
  readonly #high = new Float64Array(1);
  readonly #low = new Float64Array(1);
  readonly #close = new Float64Array(1);
  readonly #volume = new Float64Array(1);
  readonly #time = new Float64Array(1);
  readonly #out = new Float64Array([NaN]);

  constructor(session?: VwapSession) {
    this.#state = new VwapState(session);
  }

  /** `time` (the bar's open time, epoch ms) is required when the VWAP resets per session. */
  update(high: number, low: number, close: number, volume: number, time = NaN): number {
    this.#high[0] = high;
    this.#low[0] = low;
    this.#close[0] = close;
    this.#volume[0] = volume;
    this.#time[0] = time;
    vwapRun(this.#state, this.#high, this.#low, this.#close, this.#volume, this.#time, this.#out);
    return this.#out[0]!;
  }

  get value(): number {
    return this.#out[0]!;
  }

  get isReady(): boolean {
    return this.#state.volume > 0;
  }
}

/** VWAP over candle columns; pass `time` and a session length to reset per session. */
export function vwapBatch(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  volume: Float64Array,
  session?: VwapSession & { time: Float64Array },
): Float64Array {
  const n = assertSameLength(high, low, close, volume);
  if (session && session.time.length !== n) {
    throw new RangeError('time must have the same length as the other columns');
  }
  const out = new Float64Array(n);
  vwapRun(new VwapState(session), high, low, close, volume, session?.time ?? null, out);
  return out;
}
