/** Phrases an admin types to confirm a sensitive action; the server checks them too. No imports: client code reads this. */
export const EXPORT_CONFIRMATION = 'EXPORT';
export const RESET_CONFIRMATION = 'RESET TRADING DATA';
