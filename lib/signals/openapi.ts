/**
 * The OpenAPI 3.1 description of the programmatic API (hand-written; keep it in step with the
 * route handlers under app/api/orders, positions, signals, trades, status and webhooks).
 */
const bearer = [{ accessToken: [] }];
const id = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const error = {
  description: 'Error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};
const errors = {
  '400': error,
  '401': error,
  '403': error,
  '404': error,
  '409': error,
  '422': error,
};
const json = (ref: string) => ({
  'application/json': { schema: { $ref: `#/components/schemas/${ref}` } },
});
const decimal = { type: 'string', pattern: '^\\d+(\\.\\d+)?$', examples: ['0.01'] };
const query = (name: string, schema: Record<string, unknown>) => ({
  name,
  in: 'query',
  required: false,
  schema,
});

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Osprey API',
    version: '1.0.0',
    description:
      'Programmatic access with a personal access token (`Authorization: Bearer osp_…`, scopes `read` and `trade`; create one under Settings). ' +
      'A signed-in browser session works too. Every order goes through the same risk engine as bots and the order ticket.',
  },
  servers: [{ url: '/' }],
  components: {
    securitySchemes: {
      accessToken: { type: 'http', scheme: 'bearer', description: 'Personal access token (osp_…)' },
      webhookToken: {
        type: 'http',
        scheme: 'bearer',
        description: 'Webhook token (whk_…), for /api/webhooks and /api/status',
      },
    },
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: {
              code: { type: 'string' },
              message: { type: 'string' },
              fields: {
                type: 'object',
                additionalProperties: { type: 'array', items: { type: 'string' } },
              },
            },
          },
        },
      },
      OrderInput: {
        type: 'object',
        required: ['symbol', 'side'],
        properties: {
          symbol: { type: 'string', examples: ['BTC/USDT', 'BINANCE:BTCUSDT'] },
          side: {
            enum: ['buy', 'sell'],
            description: 'sell closes the open position(s) of the symbol (spot)',
          },
          type: { enum: ['market', 'limit'], default: 'market' },
          quantity: decimal,
          quoteAmount: {
            ...decimal,
            description: 'Spend this much quote instead of giving a quantity',
          },
          price: { ...decimal, description: 'Required for limit orders' },
          takeProfit: decimal,
          stopLoss: decimal,
          accountId: {
            type: 'string',
            format: 'uuid',
            description: 'Default: your default account',
          },
          clientRequestId: {
            type: 'string',
            maxLength: 100,
            description: 'Idempotency key: a repeat returns the first outcome',
          },
        },
      },
      Order: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          signalId: { type: ['string', 'null'] },
          positionId: { type: ['string', 'null'] },
          botId: { type: ['string', 'null'] },
          clientOrderId: { type: 'string' },
          exchangeOrderId: { type: ['string', 'null'] },
          symbol: { type: 'string' },
          side: { enum: ['buy', 'sell'] },
          type: { enum: ['market', 'limit', 'stop-limit', 'stop-market', 'oco'] },
          role: { enum: ['entry', 'take_profit', 'stop_loss', 'exit'] },
          source: { enum: ['strategy', 'ai', 'tradingview', 'manual', 'api'] },
          status: {
            enum: [
              'intent',
              'open',
              'partially_filled',
              'filled',
              'canceled',
              'rejected',
              'expired',
              'unknown',
            ],
          },
          quantity: { type: 'string' },
          price: { type: ['string', 'null'] },
          filledQuantity: { type: 'string' },
          averagePrice: { type: ['string', 'null'] },
          fee: { type: 'string' },
          feeAsset: { type: ['string', 'null'] },
          error: { type: ['string', 'null'] },
          createdAt: { type: 'string', format: 'date-time' },
        },
      },
      OrderOutcome: {
        type: 'object',
        properties: {
          signalId: { type: 'string', format: 'uuid' },
          decision: {
            enum: ['queued', 'executing', 'executed', 'rejected', 'duplicate', 'failed'],
          },
          reason: { type: ['string', 'null'] },
          riskResults: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                rule: { type: 'string' },
                status: { enum: ['passed', 'skipped', 'failed'] },
                message: { type: 'string' },
              },
            },
          },
          order: { oneOf: [{ $ref: '#/components/schemas/Order' }, { type: 'null' }] },
          replayed: { type: 'boolean' },
        },
      },
      OrderPage: {
        type: 'object',
        properties: {
          items: { type: 'array', items: { $ref: '#/components/schemas/Order' } },
          nextCursor: { type: ['string', 'null'] },
        },
      },
      Status: {
        type: 'object',
        properties: {
          tradingState: { enum: ['active', 'halted'] },
          killSwitch: {
            type: 'object',
            properties: { global: { type: 'boolean' }, user: { type: 'boolean' } },
          },
          bots: {
            type: 'object',
            properties: {
              running: { type: 'integer' },
              paused: { type: 'integer' },
              stopped: { type: 'integer' },
            },
          },
          tradesToday: { type: 'integer' },
          openPositions: { type: 'integer' },
          realizedPnlToday: { type: 'string' },
          at: { type: 'string', format: 'date-time' },
        },
      },
    },
  },
  security: bearer,
  paths: {
    '/api/orders': {
      get: {
        summary: 'List your orders (newest first)',
        description: 'Scope `read`.',
        parameters: [
          query('symbol', { type: 'string' }),
          query('status', { type: 'string' }),
          query('source', { type: 'string' }),
          query('botId', { type: 'string', format: 'uuid' }),
          query('from', { type: 'string', format: 'date-time' }),
          query('to', { type: 'string', format: 'date-time' }),
          query('limit', { type: 'integer', minimum: 1, maximum: 200, default: 50 }),
          query('cursor', { type: 'string' }),
        ],
        responses: { '200': { description: 'A page', content: json('OrderPage') }, ...errors },
      },
      post: {
        summary: 'Place an order (source `api`)',
        description:
          'Scope `trade`. Runs every risk rule, then the one order path; take-profit and stop-loss become an OCO on fill.',
        requestBody: { required: true, content: json('OrderInput') },
        responses: {
          '201': { description: 'Executed', content: json('OrderOutcome') },
          '200': { description: 'Replayed (same clientRequestId)', content: json('OrderOutcome') },
          ...errors,
          '422': {
            description: 'Rejected by a risk rule or a check, or failed at the venue',
            content: json('OrderOutcome'),
          },
        },
      },
    },
    '/api/orders/{id}': {
      get: {
        summary: 'One of your orders',
        description: 'Scope `read`.',
        parameters: [id],
        responses: {
          '200': {
            description: 'The order',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { order: { $ref: '#/components/schemas/Order' } },
                },
              },
            },
          },
          ...errors,
        },
      },
    },
    '/api/orders/{id}/cancel': {
      post: {
        summary: 'Cancel a resting entry order',
        description: 'Scope `trade`. Protection legs are refused (close the position instead).',
        parameters: [id],
        responses: { '200': { description: 'The cancelled order' }, ...errors },
      },
    },
    '/api/orders/{id}/refresh': {
      post: {
        summary: 'Re-read an order from the venue',
        description: 'Scope `trade`.',
        parameters: [id],
        responses: { '200': { description: 'The refreshed order' }, ...errors },
      },
    },
    '/api/positions/{id}/close': {
      post: {
        summary: 'Close a position at market',
        description: 'Scope `trade`. Exit reason `manual`.',
        parameters: [id],
        responses: {
          '200': { description: 'Closed' },
          '202': { description: 'Exit sent, not filled yet' },
          ...errors,
        },
      },
    },
    '/api/signals': {
      get: {
        summary: 'The signal log',
        description:
          'Scope `read`. Filters source, status, symbol, botId, from, to; cursor paging.',
        responses: {
          '200': { description: 'A page of signals with decision, reason, risk results and order' },
          ...errors,
        },
      },
    },
    '/api/signals/export': {
      get: {
        summary: 'The signal log as CSV',
        description:
          'Columns DateTime, TradingPair, Action, Strategy, TimeFrame, Confidence, Source, Decision, Reason.',
        responses: { '200': { description: 'CSV', content: { 'text/csv': {} } }, ...errors },
      },
    },
    '/api/trades/export': {
      get: {
        summary: 'Orders with P&L as CSV',
        description:
          'Columns DateTime, TradingPair, Action, TradeAmount, Price, Fees, PnL, OrderID, Status, ExitReason. Optional from, to.',
        responses: { '200': { description: 'CSV', content: { 'text/csv': {} } }, ...errors },
      },
    },
    '/api/status': {
      get: {
        summary: "Trading status of the token's user",
        security: [{ webhookToken: [] }, { accessToken: [] }],
        responses: { '200': { description: 'Status', content: json('Status') }, ...errors },
      },
    },
    '/api/webhooks/tradingview/{token}': {
      post: {
        summary: 'TradingView alert',
        security: [],
        description:
          'JSON or text/plain (key=value lines). Fields: symbol|ticker, action|side (buy, sell, close, long, short, exit, flat), quantity|contracts|qty or quote_amount, order_type, price, stop_loss, take_profit (price or "2%"), strategy, timeframe, confidence (0–100), alert_id, time. Optional X-Osprey-Signature: sha256=<HMAC-SHA256 of the body keyed with the token>. Also at /api/webhooks/tradingview with the token as Bearer or a `secret` field.',
        parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: {
          content: {
            'application/json': { schema: { type: 'object' } },
            'text/plain': { schema: { type: 'string' } },
          },
        },
        responses: {
          '202': { description: 'Stored and queued: {signalId, status: "queued"}' },
          '200': { description: 'Duplicate: {signalId, status: "duplicate"}' },
          '400': error,
          '401': error,
          '403': error,
          '413': error,
          '422': error,
          '429': error,
        },
      },
    },
  },
} as const;
