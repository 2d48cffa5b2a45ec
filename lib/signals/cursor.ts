import type { Cursor } from '../db/queries/signal-log';
import { AppError } from '../errors/app-error';

/** Opaque keyset cursor: the last row's time and id, base64url-encoded. */
export function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(text: string | null | undefined): Cursor | undefined {
  if (!text) return undefined;
  const [at, id] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(date.getTime()))
    throw new AppError('bad_request', 'Invalid cursor.', { cursor: ['Invalid cursor'] });
  return { at: date, id };
}

/** A page of rows plus the cursor of the next page (null at the end). */
export function pageOf<T extends { createdAt: Date; id: string }>(
  rows: T[],
  limit: number,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
