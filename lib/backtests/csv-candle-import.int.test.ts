import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb } from '../db';
import { readCandles, upsertCandles } from '../db/queries/candles';
import { insertUser } from '../db/queries/users';
import { createAccessToken } from '../signals/access-tokens';
import { createTestDatabase } from '../../test/db/test-database';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
  // The route handler builds its dependencies from the environment, as in production.
  Object.assign(process.env, {
    DATABASE_URL: t.url,
    AUTH_SECRET: randomBytes(32).toString('hex'),
    ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    MARKET_DATA_MODE: 'simulated',
  });
});
afterAll(async () => {
  await closeDb();
  await t.drop();
});

const HOUR = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);
const iso = (i: number) => new Date(T0 + i * HOUR).toISOString();
const route = () => import('../../app/api/market-data/candles/route');
const ctx = { params: Promise.resolve({}) };

async function token(role: 'admin' | 'trader' = 'admin'): Promise<string> {
  const user = await insertUser(t.db, {
    email: `${randomUUID()}@example.com`,
    name: 'Csv',
    passwordHash: 'x',
    role,
  });
  const pat = await createAccessToken(
    t.db,
    user.id,
    { label: 'csv', scopes: ['trade'] },
    new Date(),
  );
  return pat.token;
}

function csvRequest(auth: string | null, query: string, body: string): Request {
  return new Request(`http://127.0.0.1/api/market-data/candles?${query}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'text/csv', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
  });
}

interface ImportBody {
  stored: number;
  skipped: number;
  keptLive: number;
  rows: number;
  errors: { row: number; field?: string; reason: string }[];
  gaps: { from: number; to: number; count: number }[];
  error?: { code: string; message: string; fields?: Record<string, string[]> };
}

describe('POST /api/market-data/candles (CSV import)', () => {
  it('stores the good rows, reports each bad row by line, reports the gap, keeps live candles', async () => {
    const auth = await token();
    const series = { venue: 'binance', symbol: 'CSV/USDT', timeframe: '1h' as const };
    // a live candle at hour 1 is never replaced by an import
    await upsertCandles(t.db, {
      ...series,
      source: 'live',
      candles: [{ time: T0 + HOUR, open: 9, high: 9, low: 9, close: 9, volume: 1 }],
    });
    const lines = [
      'time,open,high,low,close,volume', // line 1
      `${iso(0)},100,110,90,105,12`, // 2
      `${iso(1)},105,112,101,108,7`, // 3 (live kept)
      `${iso(2)},abc,112,101,108,7`, // 4 bad open
      `${iso(3)},108,100,101,108,7`, // 5 high < low
      `${iso(4)},108,115,104,111,3`, // 6
      `${iso(7)},111,118,110,117,4`, // 7 (gap: hours 5–6)
      `yesterday,1,2,1,1,1`, // 8 bad time
    ];
    const reply = await (
      await route()
    ).POST(csvRequest(auth, 'venue=binance&symbol=csv/usdt&timeframe=1h', lines.join('\n')), ctx);
    expect(reply.status).toBe(200);
    const body = (await reply.json()) as ImportBody;
    expect(body).toMatchObject({ rows: 7, stored: 3, keptLive: 1, skipped: 3 });
    expect(body.errors.map((e) => [e.row, e.field])).toEqual([
      [4, 'open'],
      [5, 'high'],
      [8, 'time'],
    ]);
    expect(body.gaps).toEqual([
      { from: T0 + 2 * HOUR, to: T0 + 4 * HOUR, count: 2 },
      { from: T0 + 5 * HOUR, to: T0 + 7 * HOUR, count: 2 },
    ]);

    const rows = await readCandles(t.db, { ...series, from: T0, to: T0 + 10 * HOUR });
    expect(rows.map((r) => [(r.time - T0) / HOUR, r.source, r.close])).toEqual([
      [0, 'csv', 105],
      [1, 'live', 9],
      [4, 'csv', 111],
      [7, 'csv', 117],
    ]);
  });

  it('a file of garbage → 422 with the errors and nothing stored; bad fields → 400', async () => {
    const auth = await token();
    const reply = await (
      await route()
    ).POST(
      csvRequest(auth, 'venue=binance&symbol=JUNK/USDT&timeframe=1m', 'hello\nworld,1,2\n\u0000zz'),
      ctx,
    );
    expect(reply.status).toBe(422);
    const body = (await reply.json()) as ImportBody;
    expect(body.error?.code).toBe('unprocessable');
    expect(body.stored).toBe(0);
    expect(body.errors[0]).toMatchObject({ row: 0 });
    expect(
      await readCandles(t.db, {
        venue: 'binance',
        symbol: 'JUNK/USDT',
        timeframe: '1m',
        from: 0,
        to: Date.now(),
      }),
    ).toEqual([]);

    const badFields = await (
      await route()
    ).POST(
      csvRequest(
        auth,
        'venue=nowhere&symbol=BTCUSDT&timeframe=7m',
        `time,open,high,low,close\n${iso(0)},1,1,1,1`,
      ),
      ctx,
    );
    expect(badFields.status).toBe(400);
    const fields = ((await badFields.json()) as ImportBody).error?.fields ?? {};
    expect(Object.keys(fields).sort()).toEqual(['symbol', 'timeframe', 'venue']);
  });

  it('accepts a multipart upload; refuses an oversized one with 413', async () => {
    const auth = await token();
    const form = new FormData();
    form.set('venue', 'paper');
    form.set('symbol', 'FORM/USDT');
    form.set('timeframe', '1h');
    form.set(
      'file',
      new Blob([`time,open,high,low,close\n${iso(0)},1,2,1,2\n${iso(1)},2,3,2,3`], {
        type: 'text/csv',
      }),
      'c.csv',
    );
    const reply = await (
      await route()
    ).POST(
      new Request('http://127.0.0.1/api/market-data/candles', {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${auth}` },
      }),
      ctx,
    );
    expect(reply.status).toBe(200);
    expect(((await reply.json()) as ImportBody).stored).toBe(2);

    const huge = await (
      await route()
    ).POST(
      new Request(
        'http://127.0.0.1/api/market-data/candles?venue=paper&symbol=BIG/USDT&timeframe=1h',
        {
          method: 'POST',
          body: 'x',
          headers: {
            authorization: `Bearer ${auth}`,
            'content-type': 'text/csv',
            'content-length': String(30 * 1024 * 1024),
          },
        },
      ),
      ctx,
    );
    expect(huge.status).toBe(413);
  });

  it('refuses a trader (the cache is shared by every user) and stores nothing', async () => {
    const reply = await (
      await route()
    ).POST(
      csvRequest(
        await token('trader'),
        'venue=paper&symbol=DOGE/USDT&timeframe=1h',
        `time,open,high,low,close,volume\n${iso(0)},1,2,0.5,1.5,10\n`,
      ),
      ctx,
    );
    expect(reply.status).toBe(403);
    expect(
      await readCandles(t.db, {
        venue: 'paper',
        symbol: 'DOGE/USDT',
        timeframe: '1h',
        from: 0,
        to: Date.now(),
      }),
    ).toEqual([]);
  });

  it('answers 401 without a valid token', async () => {
    const reply = await (
      await route()
    ).POST(csvRequest('osp_forged', 'venue=paper&symbol=X/USDT&timeframe=1h', 'a'), ctx);
    expect(reply.status).toBe(401);
  });
});
