import { numeric, timestamp } from 'drizzle-orm/pg-core';

/** Money and quantities: exact decimals, read and written as strings (never floats). */
export const money = (name: string) => numeric(name, { precision: 38, scale: 18 });

/** A point in time, stored with its time zone. */
export const time = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
