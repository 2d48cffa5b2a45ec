/** Associated data binding an exchange account's encrypted field to its user and row. */
export function exchangeAccountAad(
  userId: string,
  accountId: string,
  field: 'api_key' | 'api_secret',
): string {
  return `exchange_account:${userId}:${accountId}:${field}`;
}
