import { AppError } from '../errors/app-error';

/** Reads a JSON request body (at most `maxBytes`), or throws a clear 400 AppError. */
export async function readJson(request: Request, maxBytes = 64 * 1024): Promise<unknown> {
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes)
    throw new AppError('bad_request', `The request body is larger than ${maxBytes / 1024} KB.`);
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('bad_request', 'The request body is not valid JSON.');
  }
}
