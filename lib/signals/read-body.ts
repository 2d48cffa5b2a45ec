/** The most a webhook body may hold (TradingView messages are far smaller). */
export const MAX_BODY_BYTES = 64 * 1024;

export type BodyRead =
  | { ok: true; raw: string; value: Record<string, unknown> }
  | { ok: false; status: 400 | 413; message: string };

/**
 * Reads a webhook body as TradingView sends it: JSON when the alert message is valid JSON
 * (whatever the content type says), otherwise text — `key=value` or `key: value` pairs separated
 * by newlines, commas, semicolons, `&` or spaces. Anything else is a 400 that says why.
 */
export function readBody(raw: string): BodyRead {
  if (Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) {
    return {
      ok: false,
      status: 413,
      message: `The body is larger than ${MAX_BODY_BYTES / 1024} KB.`,
    };
  }
  const text = raw.replace(/^\uFEFF/, '').trim();
  if (text === '')
    return {
      ok: false,
      status: 400,
      message: 'The body is empty: send the alert as JSON or as key=value lines.',
    };
  if (text.startsWith('{') || text.startsWith('[') || text.startsWith('"')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      const detail = error instanceof Error ? error.message : 'syntax error';
      return {
        ok: false,
        status: 400,
        message: `The body looks like JSON but is not valid JSON (${detail}). Check that every placeholder is inside quotes or is a number.`,
      };
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return {
        ok: false,
        status: 400,
        message: 'The JSON body must be an object such as {"symbol": "BTCUSDT", "action": "buy"}.',
      };
    }
    return { ok: true, raw, value: parsed as Record<string, unknown> };
  }
  const pairs = readPairs(text);
  if (!pairs)
    return {
      ok: false,
      status: 400,
      message: 'The body is neither JSON nor key=value pairs (e.g. "symbol=BTCUSDT action=buy").',
    };
  return { ok: true, raw, value: pairs };
}

const PAIR = /^\s*([A-Za-z_][A-Za-z0-9_.]{0,63})\s*[=:]\s*(?:"([^"]*)"|([^\s,;&]*))\s*$/;

/** `symbol=BTCUSDT, action=buy` → object; null when any piece is not a pair. */
function readPairs(text: string): Record<string, unknown> | null {
  const pieces = text
    .split(/[\n\r,;&]+|\s+(?=[A-Za-z_][A-Za-z0-9_.]*\s*[=:])/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (pieces.length === 0) return null;
  const out: Record<string, unknown> = {};
  for (const piece of pieces) {
    const match = PAIR.exec(piece);
    if (!match?.[1]) return null;
    out[match[1]] = match[2] ?? match[3] ?? '';
  }
  return out;
}
