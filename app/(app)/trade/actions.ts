'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { userAction } from '@/lib/auth/action';
import { orderInput } from '@/lib/signals/order-input';
import { cancelUserOrder } from '@/lib/signals/orders-api';
import { previewOrder } from '@/lib/signals/preview-order';
import { submitOrder } from '@/lib/signals/submit-order';
import { closeUserPosition } from '@/lib/trading/close-user-position';
import { getTrading } from '@/lib/trading/runtime';

/**
 * The order ticket: a `manual` signal executed at once through the risk engine and the one order
 * path. Returns the decision, every rule's result and the order (an `ActionResult`).
 */
export const placeOrderAction = userAction(orderInput, async (input, user) => {
  const outcome = await submitOrder(getTrading().deps, user.id, input, 'manual');
  revalidatePath('/trade');
  return outcome;
});

/** The same risk check and sizing without placing anything, for the ticket to show first. */
export const previewOrderAction = userAction(orderInput, async (input, user) =>
  previewOrder(getTrading().deps, user.id, input),
);

/** Closes one of the user's positions at market (exit reason `manual`). */
export const closePositionAction = userAction(
  z.object({ positionId: z.uuid('Unknown position.') }),
  async ({ positionId }, user) => {
    const result = await closeUserPosition(getTrading().deps, user.id, positionId);
    revalidatePath('/trade');
    return result;
  },
);

/** Cancels a resting limit entry. */
export const cancelOrderAction = userAction(
  z.object({ orderId: z.uuid('Unknown order.') }),
  async ({ orderId }, user) => {
    const order = await cancelUserOrder(getTrading().deps, user.id, orderId);
    revalidatePath('/trade');
    return order;
  },
);
