/**
 * Thrown for an unknown strategy id (`not_found`) or invalid parameters (`bad_request`, with
 * `fields` per parameter). The codes match the app's error tree so the edge maps them directly.
 */
export class StrategyError extends Error {
  override readonly name = 'StrategyError';

  constructor(
    readonly code: 'not_found' | 'bad_request',
    message: string,
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
  }
}
