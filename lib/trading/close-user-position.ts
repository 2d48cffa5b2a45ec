import { findPosition } from '../db/queries/positions';
import { AppError } from '../errors/app-error';
import { closePosition } from './close-position';
import type { TradingDeps } from './deps';

/** Manual close of the user's own position; someone else's is simply not found. */
export async function closeUserPosition(deps: TradingDeps, userId: string, positionId: string) {
  const position = await findPosition(deps.db, positionId);
  if (!position || position.userId !== userId)
    throw new AppError('not_found', 'Position not found.');
  if (position.status !== 'open')
    throw new AppError('conflict', `The position is already ${position.status}.`);
  const result = await closePosition(deps, positionId, 'manual');
  if (result.status === 'failed')
    throw new AppError('unprocessable', `The exchange refused the exit: ${result.message}`);
  if (result.status === 'not_open')
    throw new AppError('conflict', 'The position was closed in the meantime.');
  return { status: result.status, position: result.position };
}
