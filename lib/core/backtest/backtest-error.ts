/**
 * Thrown for input the engine cannot run (`bad_request`: bad candles, options or grid, with a
 * message naming the first problem) and when the caller's `shouldCancel` asks to stop
 * (`cancelled`). The codes match the app's error tree so the edge maps them directly.
 */
export class BacktestError extends Error {
  override readonly name = 'BacktestError';

  constructor(
    readonly code: 'bad_request' | 'cancelled',
    message: string,
  ) {
    super(message);
  }
}
