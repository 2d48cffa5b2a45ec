import { bigserial, customType, pgTable, timestamp } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * Large or binary Socket.IO packets travel between processes through this table (a NOTIFY carries
 * at most 8000 bytes). The shape is the one `@socket.io/postgres-adapter` reads and writes
 * (`socket_io_attachments`: id, created_at, payload); the adapter deletes rows older than its
 * cleanup interval itself.
 */
export const socketIoAttachments = pgTable('socket_io_attachments', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
  payload: bytea('payload'),
});
