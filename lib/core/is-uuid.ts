const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a uuid (so a lookup by it can run; anything else is simply not found). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
