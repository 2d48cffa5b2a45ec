/**
 * Sees every HTTP answer a ccxt client receives, per request. ccxt keeps only the LAST answer's
 * headers (`last_response_headers`), which concurrent calls on one client overwrite, and it does
 * not read `Retry-After`. Its error hooks, `handleErrors` and then `handleHttpStatusCode`, run
 * synchronously for each answer with that answer's status, headers and body, so wrapping them
 * on the instance is race-free: we see each answer before ccxt maps it to an error class, and we
 * tag the error it throws with the answer that caused it.
 */
import { type CcxtClient } from './ccxt-types';

export interface ResponseInfo {
  status: number;
  /** Header names as ccxt capitalises them (`Retry-After`). */
  headers: Record<string, string>;
  body: string;
}

const responseOfError = new WeakMap<object, ResponseInfo>();

/** The HTTP answer that caused a ccxt error, when there was one (none for dropped connections). */
export const responseOf = (error: unknown): ResponseInfo | undefined =>
  typeof error === 'object' && error !== null ? responseOfError.get(error) : undefined;

type HandleErrors = (
  code: number,
  reason: string,
  url: string,
  method: string,
  headers: unknown,
  body: string,
  ...rest: unknown[]
) => unknown;
type HandleHttpStatusCode = (
  code: number,
  reason: string,
  url: string,
  method: string,
  body: string,
) => unknown;

interface ErrorHooks {
  handleErrors: HandleErrors;
  handleHttpStatusCode: HandleHttpStatusCode;
}

function stringHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof headers !== 'object' || headers === null) return out;
  for (const [key, value] of Object.entries(headers))
    if (typeof value === 'string') out[key] = value;
  return out;
}

function tag(error: unknown, info: ResponseInfo): void {
  if (typeof error === 'object' && error !== null && !responseOfError.has(error))
    responseOfError.set(error, info);
}

export function instrumentResponses(
  client: CcxtClient,
  onResponse: (info: ResponseInfo) => void,
): void {
  const hooks = client as unknown as ErrorHooks;
  const handleErrors: HandleErrors = hooks.handleErrors.bind(client);
  const handleHttpStatusCode: HandleHttpStatusCode = hooks.handleHttpStatusCode.bind(client);
  let current: ResponseInfo | undefined;
  hooks.handleErrors = (code, reason, url, method, headers, body, ...rest) => {
    current = {
      status: code,
      headers: stringHeaders(headers),
      body: typeof body === 'string' ? body : '',
    };
    onResponse(current);
    try {
      return handleErrors(code, reason, url, method, headers, body, ...rest);
    } catch (error) {
      tag(error, current);
      throw error;
    }
  };
  hooks.handleHttpStatusCode = (code, reason, url, method, body) => {
    const info = current?.status === code ? current : { status: code, headers: {}, body };
    current = undefined;
    try {
      return handleHttpStatusCode(code, reason, url, method, body);
    } catch (error) {
      tag(error, info);
      throw error;
    }
  };
}
