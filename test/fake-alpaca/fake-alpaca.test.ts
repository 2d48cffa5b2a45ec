import { afterEach, describe, expect, it } from 'vitest';
import { type FakeAlpaca, startFakeAlpaca } from '.';

let fake: FakeAlpaca | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function call(method: string, path: string, body?: unknown, auth = true) {
  const headers: Record<string, string> = auth
    ? { 'APCA-API-KEY-ID': fake!.apiKey, 'APCA-API-SECRET-KEY': fake!.secret }
    : {};
  if (body) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${fake!.url}${path}`, {
    method,
    headers,
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
  };
}

describe('fake Alpaca', () => {
  it('needs the key headers on the trading API, not on market data', async () => {
    fake = await startFakeAlpaca();
    expect(await call('GET', '/v2/account', undefined, false)).toEqual({
      status: 401,
      body: { code: 40110000, message: 'request is not authorized' },
    });
    expect(
      (await call('GET', '/v1beta3/crypto/us/snapshots?symbols=BTC/USD', undefined, false)).status,
    ).toBe(200);
  });

  it('places, finds by client id, cancels with 204, and answers 404 for unknown orders', async () => {
    fake = await startFakeAlpaca({ cash: '1000' });
    const placed = await call('POST', '/v2/orders', {
      symbol: 'BTC/USD',
      side: 'buy',
      type: 'limit',
      qty: '0.01',
      limit_price: '50000',
      time_in_force: 'gtc',
      client_order_id: 'x1',
    });
    expect(placed.body).toMatchObject({
      status: 'new',
      client_order_id: 'x1',
      qty: '0.01',
      limit_price: '50000',
    });
    expect((await call('GET', '/v2/account')).body).toMatchObject({ cash: '500' });
    expect(
      (await call('GET', '/v2/orders:by_client_order_id?client_order_id=x1')).body,
    ).toMatchObject({ id: placed.body!.id });
    expect(await call('DELETE', `/v2/orders/${String(placed.body!.id)}`)).toEqual({
      status: 204,
      body: undefined,
    });
    expect((await call('GET', '/v2/account')).body).toMatchObject({ cash: '1000' });
    expect(await call('GET', '/v2/orders/nope')).toEqual({
      status: 404,
      body: { code: 40410000, message: 'order not found' },
    });
    const poor = await call('POST', '/v2/orders', {
      symbol: 'BTC/USD',
      side: 'buy',
      type: 'market',
      qty: '1',
      time_in_force: 'gtc',
    });
    expect([poor.status, poor.body?.code]).toEqual([403, 40310000]);
  });

  it('fills resting orders when the price crosses and pages bars with a token', async () => {
    fake = await startFakeAlpaca();
    await call('POST', '/v2/orders', {
      symbol: 'BTC/USD',
      side: 'buy',
      type: 'limit',
      qty: '0.01',
      limit_price: '59000',
      time_in_force: 'gtc',
      client_order_id: 'x2',
    });
    fake.setPrice('BTC/USD', '58000');
    expect(
      (await call('GET', '/v2/orders:by_client_order_id?client_order_id=x2')).body,
    ).toMatchObject({ status: 'filled', filled_avg_price: '59000' });
    const start = new Date(Math.floor((Date.now() - 86_400_000) / 60_000) * 60_000).toISOString();
    const first = await call(
      'GET',
      `/v1beta3/crypto/us/bars?symbols=BTC/USD&timeframe=1Min&start=${start}&limit=3`,
    );
    const bars = (first.body!.bars as Record<string, { t: string }[]>)['BTC/USD']!;
    expect(bars).toHaveLength(3);
    expect(typeof first.body!.next_page_token).toBe('string');
    const next = await call(
      'GET',
      `/v1beta3/crypto/us/bars?symbols=BTC/USD&timeframe=1Min&start=${start}&limit=3&page_token=${String(first.body!.next_page_token)}`,
    );
    const more = (next.body!.bars as Record<string, { t: string }[]>)['BTC/USD']!;
    expect(Date.parse(more[0]!.t) - Date.parse(bars[2]!.t)).toBe(60_000);
  });
});
