/** The follow-up turn of a repair attempt: the validation errors, and what to send instead. */
export function repairMessage(errors: readonly string[]): string {
  return [
    'Your previous answer was rejected by validation:',
    ...errors.map((e) => `- ${e}`),
    'Answer again with one JSON object that follows the schema and fixes every error. No other text.',
  ].join('\n');
}

/** `rawText` as JSON when it is JSON, else undefined (validation reports why later). */
export function tryParseJson(rawText: string): unknown {
  try {
    return JSON.parse(rawText) as unknown;
  } catch {
    return undefined;
  }
}
