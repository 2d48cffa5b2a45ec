/**
 * A pre-call token estimate: characters / 4, rounded up. Real tokenizers differ (numbers and
 * punctuation tokenize worse than prose, so this runs low on dense tables by ~10–30%); it is
 * only used for budget checks and the template-size test. Measured counts come from the
 * provider's `usage` and are what the ledger stores.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
