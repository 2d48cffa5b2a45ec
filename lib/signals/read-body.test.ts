import { describe, expect, it } from 'vitest';
import { readBody } from './read-body';

describe('readBody', () => {
  it('reads JSON whatever the content type, and key=value text', () => {
    expect(readBody('{"a":1}')).toEqual({ ok: true, raw: '{"a":1}', value: { a: 1 } });
    expect(readBody('symbol=BTCUSDT action: buy, qty=0.1; strategy="EMA cross"')).toMatchObject({
      ok: true,
      value: { symbol: 'BTCUSDT', action: 'buy', qty: '0.1', strategy: 'EMA cross' },
    });
  });

  it('refuses empty, non-object JSON, prose and oversized bodies', () => {
    expect(readBody('  ')).toMatchObject({ ok: false, status: 400 });
    expect(readBody('[1]')).toMatchObject({ ok: false, status: 400 });
    expect(readBody('{"a":')).toMatchObject({
      ok: false,
      status: 400,
      message: expect.stringContaining('not valid JSON'),
    });
    expect(readBody('buy now')).toMatchObject({ ok: false, status: 400 });
    expect(readBody('x'.repeat(64 * 1024 + 1))).toMatchObject({ ok: false, status: 413 });
  });
});
