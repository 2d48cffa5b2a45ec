import { z } from 'zod';

const positive = (label: string) =>
  z
    .union([z.number(), z.string().trim()])
    .transform((v) => (typeof v === 'number' ? v : v === '' ? undefined : v))
    .pipe(
      z
        .union([
          z.number(),
          z.string().regex(/^\d+(\.\d+)?(e[+-]?\d+)?$/i, `${label} must be a number`),
        ])
        .optional()
        .transform((v) => (v === undefined ? undefined : String(v)))
        .refine(
          (v) =>
            v === undefined || (Number.isFinite(Number(v)) && Number(v) > 0 && Number(v) <= 1e15),
          `${label} must be greater than zero`,
        ),
    )
    .optional();

/**
 * An order from the ticket, the REST API or a script: the same schema on the client (inline
 * errors) and the server. Sizes and prices are decimal strings (numbers accepted).
 */
export const orderInput = z
  .object({
    symbol: z.string().trim().min(1, 'Choose a symbol').max(40),
    side: z.enum(['buy', 'sell']),
    type: z.enum(['market', 'limit']).default('market'),
    quantity: positive('Quantity'),
    quoteAmount: positive('Amount'),
    price: positive('Price'),
    takeProfit: positive('Take-profit'),
    stopLoss: positive('Stop-loss'),
    accountId: z
      .uuid()
      .optional()
      .or(z.literal('').transform(() => undefined)),
    /** Idempotency key: the same key again returns the first order instead of placing another. */
    clientRequestId: z.string().trim().min(1).max(100).optional(),
  })
  .superRefine((o, ctx) => {
    if (o.type === 'limit' && !o.price)
      ctx.addIssue({ code: 'custom', path: ['price'], message: 'A limit order needs a price' });
    if (o.quantity && o.quoteAmount)
      ctx.addIssue({
        code: 'custom',
        path: ['quantity'],
        message: 'Give a quantity or an amount, not both',
      });
    if (o.side === 'buy' && !o.quantity && !o.quoteAmount)
      ctx.addIssue({
        code: 'custom',
        path: ['quantity'],
        message: 'Give a quantity or an amount to spend',
      });
    const ref = o.price ? Number(o.price) : null;
    if (ref && o.side === 'buy' && o.stopLoss && Number(o.stopLoss) >= ref)
      ctx.addIssue({
        code: 'custom',
        path: ['stopLoss'],
        message: 'Stop-loss must be below the price',
      });
    if (ref && o.side === 'buy' && o.takeProfit && Number(o.takeProfit) <= ref)
      ctx.addIssue({
        code: 'custom',
        path: ['takeProfit'],
        message: 'Take-profit must be above the price',
      });
    if (o.stopLoss && o.takeProfit && Number(o.stopLoss) >= Number(o.takeProfit))
      ctx.addIssue({
        code: 'custom',
        path: ['stopLoss'],
        message: 'Stop-loss must be below take-profit',
      });
  });

export type OrderInput = z.infer<typeof orderInput>;
