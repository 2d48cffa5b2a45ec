import { randomBytes } from 'node:crypto';

const roleTag = { entry: 'e', take_profit: 't', stop_loss: 's', exit: 'x', oco: 'o' } as const;

/**
 * A unique client order id, set by us on every order (Binance allows 36 characters of
 * `[.A-Z:/a-z0-9_-]`): the key an unknown outcome is resolved by.
 */
export function newClientOrderId(role: keyof typeof roleTag): string {
  return `osp${roleTag[role]}${randomBytes(12).toString('hex')}`;
}
