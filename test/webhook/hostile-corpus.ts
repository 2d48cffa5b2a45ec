/** One hostile or malformed webhook request and the status it must get. */
export interface CorpusCase {
  name: string;
  body: string;
  contentType?: string;
  /** undefined = the valid token; null = no token; a string = that token. */
  token?: string | null;
  headers?: Record<string, string>;
  status: 400 | 401 | 403 | 413 | 422;
}

const T = (now: number) => new Date(now).toISOString();

/**
 * At least 100 requests that must all be refused with the right 4xx: bad tokens, sizes,
 * syntax, types, missing fields, impossible values, in both content types.
 */
export function hostileCorpus(now: number): CorpusCase[] {
  const base = {
    ticker: 'BINANCE:BTCUSDT',
    action: 'buy',
    contracts: '0.01',
    price: '30000',
    time: T(now),
  };
  const json = (o: unknown) => JSON.stringify(o);
  const text = (o: Record<string, unknown>) =>
    Object.entries(o)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join('\n');
  const cases: CorpusCase[] = [];
  const add = (c: CorpusCase) => cases.push(c);

  // Tokens (401): missing, wrong, malformed, huge, unicode, in the body, a wrong Bearer.
  add({ name: 'no token', body: json(base), token: null, status: 401 });
  add({ name: 'wrong token', body: json(base), token: 'whk_wrong', status: 401 });
  add({ name: 'empty-looking token', body: json(base), token: '%20', status: 401 });
  add({ name: 'huge token', body: json(base), token: 'x'.repeat(5000), status: 401 });
  add({ name: 'unicode token', body: json(base), token: 'whk_😀😀😀', status: 401 });
  add({ name: 'sql in token', body: json(base), token: "' or 1=1 --", status: 401 });
  add({
    name: 'wrong secret in body',
    body: json({ ...base, secret: 'whk_nope' }),
    token: null,
    status: 401,
  });
  add({
    name: 'secret as number',
    body: json({ ...base, secret: 12345 }),
    token: null,
    status: 401,
  });
  add({
    name: 'wrong bearer',
    body: json(base),
    token: null,
    headers: { authorization: 'Bearer whk_nope' },
    status: 401,
  });
  add({
    name: 'basic auth',
    body: json(base),
    token: null,
    headers: { authorization: 'Basic dXNlcjpwYXNz' },
    status: 401,
  });
  add({
    name: 'bad signature',
    body: json(base),
    headers: { 'x-osprey-signature': 'sha256=' + '0'.repeat(64) },
    status: 401,
  });
  add({
    name: 'garbage signature',
    body: json(base),
    headers: { 'x-osprey-signature': 'nope' },
    status: 401,
  });
  add({ name: 'garbage body without token', body: '{{{{', token: null, status: 401 });

  // Sizes (413).
  add({
    name: '2 MB body',
    body: json({ ...base, junk: 'a'.repeat(2 * 1024 * 1024) }),
    status: 413,
  });
  add({
    name: '65 KB text body',
    body: 'x'.repeat(65 * 1024),
    contentType: 'text/plain',
    status: 413,
  });
  add({ name: '2 MB without token', body: 'a'.repeat(2 * 1024 * 1024), token: null, status: 413 });

  // Syntax (400).
  for (const [name, body] of [
    ['empty', ''],
    ['whitespace', '   \n\t '],
    ['null', 'null'],
    ['array', '[]'],
    ['array of alerts', json([base])],
    ['json string', '"buy"'],
    ['number', '42'],
    ['true', 'true'],
    ['truncated json', json(base).slice(0, 20)],
    ['unquoted placeholder', '{"ticker": {{ticker}}, "action": "buy"}'],
    ['trailing comma', '{"ticker": "BTCUSDT", "action": "buy",}'],
    ['single quotes', "{'ticker': 'BTCUSDT', 'action': 'buy'}"],
    ['prose', 'please buy some bitcoin now'],
    ['html', '<html><body>buy</body></html>'],
    ['xml', '<?xml version="1.0"?><alert/>'],
    ['binary', '\u0000\u0001\u0002\u0003'],
    ['only equals', '==='],
    ['bom only', '\uFEFF'],
    ['nested junk', json({ a: { b: { c: [1, { d: [] }] } } })],
  ] as const) {
    add({ name: `syntax: ${name} (json)`, body, status: 400 });
    add({ name: `syntax: ${name} (text)`, body, contentType: 'text/plain', status: 400 });
  }

  // Missing and wrong-typed fields (400), each as JSON and (where expressible) as text.
  const bad400: [string, Record<string, unknown>][] = [
    ['missing symbol', { action: 'buy', contracts: '0.01' }],
    ['missing action', { ticker: 'BTCUSDT', contracts: '0.01' }],
    ['unknown action', { ...base, action: 'moon' }],
    ['order type stop', { ...base, order_type: 'stop' }],
    [
      'limit without price',
      { ticker: 'BTCUSDT', action: 'buy', contracts: '0.01', order_type: 'limit' },
    ],
    ['quantity text', { ...base, contracts: 'lots' }],
    ['unfilled placeholder quantity', { ...base, contracts: '{{strategy.order.contracts}}' }],
    ['unfilled placeholder ticker', { ...base, ticker: '{{ticker}}' }],
    ['both quantity and amount', { ...base, quote_amount: '100' }],
    ['confidence text', { ...base, confidence: 'high' }],
    ['time text', { ...base, time: 'yesterday' }],
    [
      'percent stop without price',
      { ticker: 'BTCUSDT', action: 'buy', contracts: '0.01', stop_loss: '2%' },
    ],
    ['conflicting symbol spellings', { ...base, symbol: 'ETHUSDT' }],
    ['symbol too long', { ...base, ticker: 'B'.repeat(100) }],
  ];
  for (const [name, body] of bad400) {
    add({ name: `${name} (json)`, body: json(body), status: 400 });
    add({ name: `${name} (text)`, body: text(body), contentType: 'text/plain', status: 400 });
  }
  const json400: [string, Record<string, unknown>][] = [
    ['symbol number', { ...base, ticker: 42 }],
    ['symbol object', { ...base, ticker: { x: 1 } }],
    ['symbol array', { ...base, ticker: ['BTCUSDT'] }],
    ['action array', { ...base, action: ['buy'] }],
    ['action bool', { ...base, action: true }],
    ['quantity object', { ...base, contracts: { n: 1 } }],
    ['quantity array', { ...base, contracts: [1] }],
    ['quantity bool', { ...base, contracts: true }],
    ['price object', { ...base, price: { $gt: 0 } }],
    ['strategy object', { ...base, strategy: { name: 'x' } }],
    ['control chars in strategy', { ...base, strategy: 'a\u0007b' }],
    ['empty symbol', { ...base, ticker: '' }],
    [
      'proto pollution',
      JSON.parse('{"__proto__": {"admin": true}, "action": "buy"}') as Record<string, unknown>,
    ],
  ];
  for (const [name, body] of json400)
    add({ name: `${name} (json)`, body: json(body), status: 400 });

  // Impossible values (422), as JSON and as text.
  const bad422: [string, Record<string, unknown>][] = [
    ['zero quantity', { ...base, contracts: 0 }],
    ['negative quantity', { ...base, contracts: -1 }],
    ['NaN quantity', { ...base, contracts: 'NaN' }],
    ['Infinity quantity', { ...base, contracts: 'Infinity' }],
    ['1e308 quantity', { ...base, contracts: '1e308' }],
    ['zero price', { ...base, price: 0 }],
    ['negative price', { ...base, price: '-30000' }],
    ['1e308 price', { ...base, price: 1e308 }],
    ['zero amount', { ...base, contracts: undefined, quote_amount: 0 }],
    ['confidence 101', { ...base, confidence: 101 }],
    ['confidence -1', { ...base, confidence: -1 }],
    ['stale time', { ...base, time: T(now - 2 * 86_400_000) }],
    ['future time', { ...base, time: T(now + 3_600_000) }],
    ['unknown symbol', { ...base, ticker: 'NOPEUSDT' }],
    ['derivative symbol', { ...base, ticker: 'BINANCE:BTCUSDT.P' }],
    ['unicode symbol', { ...base, ticker: 'ΒΤC/USDT' }],
    ['stop above price', { ...base, stop_loss: '31000' }],
    ['take-profit below price', { ...base, take_profit: '29000' }],
    ['percent stop 150%', { ...base, stop_loss: '150%' }],
    ['time in 2001', { ...base, time: 1000000000 }],
  ];
  for (const [name, body] of bad422) {
    const clean = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
    add({ name: `${name} (json)`, body: json(clean), status: 422 });
    add({ name: `${name} (text)`, body: text(clean), contentType: 'text/plain', status: 422 });
  }
  return cases;
}
