/**
 * Provider failures, classified by what the caller does next: every kind ends in a logged hold
 * (or the rules fallback), never a trade. `status` is the HTTP status when there was one.
 */
export type AiProviderErrorKind =
  | 'timeout'
  | 'aborted'
  | 'rate_limited'
  | 'server_error'
  | 'auth'
  | 'bad_request'
  | 'network'
  | 'no_api_key'
  | 'blocked_url'
  | 'unknown';

export class AiProviderError extends Error {
  readonly kind: AiProviderErrorKind;
  readonly status?: number;

  constructor(kind: AiProviderErrorKind, message: string, status?: number) {
    super(message);
    this.name = 'AiProviderError';
    this.kind = kind;
    this.status = status;
  }
}

export function kindForStatus(status: number): AiProviderErrorKind {
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  if (status === 401 || status === 403) return 'auth';
  if (status === 408) return 'timeout';
  return 'bad_request';
}

/** A timer-backed abort signal joined with the caller's, remembering which one fired. */
export interface Deadline {
  signal: AbortSignal;
  timedOut(): boolean;
  clear(): void;
}

export function createDeadline(timeoutMs: number, outer?: AbortSignal): Deadline {
  const controller = new AbortController();
  let fired = false;
  const timer = setTimeout(() => {
    fired = true;
    controller.abort(new AiProviderError('timeout', `No answer within ${timeoutMs} ms.`));
  }, timeoutMs);
  const onOuter = () => controller.abort(outer?.reason);
  if (outer?.aborted) onOuter();
  else outer?.addEventListener('abort', onOuter, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => fired,
    clear: () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuter);
    },
  };
}

/**
 * Maps anything a provider SDK threw to an `AiProviderError`. The deadline decides between a
 * timeout and a caller abort; otherwise an HTTP status (OpenAI `APIError`, Gemini `ApiError`)
 * decides; a failed connection is `network`.
 */
export function toProviderError(
  error: unknown,
  deadline: Deadline,
  provider: string,
): AiProviderError {
  if (error instanceof AiProviderError) return error;
  // The guarded fetch's refusal arrives wrapped by the SDK (OpenAI: APIConnectionError.cause).
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (cause instanceof AiProviderError) return cause;
  const message = error instanceof Error ? error.message : String(error);
  if (deadline.timedOut()) return new AiProviderError('timeout', `${provider}: timed out.`);
  if (deadline.signal.aborted) return new AiProviderError('aborted', `${provider}: cancelled.`);
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number') {
    return new AiProviderError(kindForStatus(status), `${provider} ${status}: ${message}`, status);
  }
  const name = error instanceof Error ? error.name : '';
  if (/timeout/i.test(name)) return new AiProviderError('timeout', `${provider}: ${message}`);
  if (/connection|fetch/i.test(`${name} ${message}`)) {
    return new AiProviderError('network', `${provider}: ${message}`);
  }
  return new AiProviderError('unknown', `${provider}: ${message}`);
}
