/**
 * Reads a CSV import request: the series from the query string or the form fields, the file as
 * the raw body (`text/csv`, `text/plain`) or the multipart field `file`. Too large → 413.
 */
import { AppError } from '../errors/app-error';
import { parseOrThrow } from '../errors/zod-fields';
import {
  csvCandleImportSchema,
  MAX_CSV_BYTES,
  type CsvCandleImportInput,
} from './csv-candle-input';

export class PayloadTooLargeError extends AppError {
  constructor() {
    super('bad_request', `The file is larger than ${MAX_CSV_BYTES / (1024 * 1024)} MB.`);
  }
}

export async function readCsvImportRequest(
  request: Request,
): Promise<{ input: CsvCandleImportInput; text: string }> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  // a multipart body carries a little more than the file: allow 64 KB of envelope
  if (declared > MAX_CSV_BYTES + 64 * 1024) throw new PayloadTooLargeError();
  const type = request.headers.get('content-type') ?? '';
  const query = Object.fromEntries(new URL(request.url).searchParams);
  if (type.startsWith('multipart/form-data')) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new AppError('bad_request', 'The form data could not be read.');
    }
    const fields: Record<string, unknown> = { ...query };
    for (const key of ['venue', 'symbol', 'timeframe']) {
      const value = form.get(key);
      if (typeof value === 'string') fields[key] = value;
    }
    const input = parseOrThrow(csvCandleImportSchema, fields);
    const file = form.get('file');
    if (!(file instanceof Blob) || file.size === 0)
      throw new AppError('bad_request', 'Choose a CSV file.', { file: ['Choose a CSV file.'] });
    if (file.size > MAX_CSV_BYTES) throw new PayloadTooLargeError();
    return { input, text: await file.text() };
  }
  if (!/^text\/(csv|plain)\b/.test(type) && type !== '')
    throw new AppError(
      'bad_request',
      'Send the CSV as text/csv or as the field "file" of multipart/form-data.',
    );
  const input = parseOrThrow(csvCandleImportSchema, query);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_CSV_BYTES) throw new PayloadTooLargeError();
  if (text.trim() === '') throw new AppError('bad_request', 'The CSV file is empty.');
  return { input, text };
}
