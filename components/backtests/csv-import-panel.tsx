'use client';

import { useState, type FormEvent } from 'react';
import type { CsvCandleImportResult } from '@/lib/backtests/csv-candle-import';
import { csvCandleImportSchema, MAX_CSV_BYTES } from '@/lib/backtests/csv-candle-input';
import { TIMEFRAME_MS } from '@/lib/core/types';
import { fieldErrors } from '@/lib/errors/zod-fields';
import { formatDateTime } from '@/lib/format';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { NumTd, Table, Td, Th } from '@/components/ui/table';
import { TextField } from '@/components/ui/text-field';
import { toast } from '@/components/ui/toast';

type Fields = Record<string, string[]>;
const TIMEFRAMES = Object.keys(TIMEFRAME_MS);
const count = (n: number) => n.toLocaleString('en');

/**
 * Uploads an OHLCV CSV to `POST /api/market-data/candles` (multipart; a server action would cap
 * the body far below the 20 MB the route accepts) and shows what was stored, skipped and why.
 */
export function CsvImportPanel({ symbols }: { symbols: readonly string[] }) {
  const [errors, setErrors] = useState<Fields>({});
  const [message, setMessage] = useState<string | null>(null);
  const [result, setResult] = useState<CsvCandleImportResult | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const checked = csvCandleImportSchema.safeParse(Object.fromEntries(form));
    const fields: Fields = checked.success ? {} : fieldErrors(checked.error.issues);
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) fields.file = ['Choose a CSV file.'];
    else if (file.size > MAX_CSV_BYTES)
      fields.file = [`The file is larger than ${MAX_CSV_BYTES / (1024 * 1024)} MB.`];
    setErrors(fields);
    if (Object.keys(fields).length > 0) {
      setMessage('Check the highlighted fields.');
      return;
    }
    setPending(true);
    setMessage(null);
    try {
      const response = await fetch('/api/market-data/candles', { method: 'POST', body: form });
      const json = (await response.json()) as Partial<CsvCandleImportResult> & {
        error?: { message: string; fields?: Fields };
      };
      if (json.errors && json.rows !== undefined) setResult(json as CsvCandleImportResult);
      else setResult(null);
      if (!response.ok) {
        setErrors(json.error?.fields ?? {});
        setMessage(json.error?.message ?? 'The file could not be imported.');
        toast('Nothing imported.', 'error');
        return;
      }
      toast(`${count(json.stored ?? 0)} candles imported.`, 'success');
    } catch {
      setMessage('Could not reach the server. Try again.');
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-400">
        A CSV with a header of time, open, high, low, close (volume optional; epoch seconds,
        milliseconds or ISO times), up to 20 MB. Imported candles go to the shared candle cache:
        every user’s backtests with stored candles see them. Rows with an error are left out and
        listed; candles already fetched from the venue are kept, not replaced; gaps are reported,
        not filled.
      </p>
      <form
        onSubmit={(e) => void onSubmit(e)}
        noValidate
        aria-label="Import candles"
        className="space-y-4"
      >
        {message && <Alert tone="error">{message}</Alert>}
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Select
            label="Import venue"
            name="venue"
            id="csv-venue"
            defaultValue="binance"
            options={['binance', 'alpaca', 'paper'].map((v) => ({ value: v, label: v }))}
            error={errors.venue}
          />
          <TextField
            label="Import symbol"
            name="symbol"
            id="csv-symbol"
            defaultValue={symbols[0] ?? 'BTC/USDT'}
            placeholder="BTC/USDT"
            list="csv-symbols"
            error={errors.symbol}
            required
          />
          <datalist id="csv-symbols">
            {symbols.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <Select
            label="Import timeframe"
            name="timeframe"
            id="csv-timeframe"
            defaultValue="1h"
            options={TIMEFRAMES.map((t) => ({ value: t, label: t }))}
            error={errors.timeframe}
          />
          <TextField
            label="CSV file"
            name="file"
            id="csv-file"
            type="file"
            accept=".csv,text/csv,text/plain"
            error={errors.file}
            required
          />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Importing…' : 'Import candles'}
        </Button>
      </form>
      {result && <ImportResult result={result} />}
    </div>
  );
}

function ImportResult({ result }: { result: CsvCandleImportResult }) {
  return (
    <section aria-label="Import result" className="space-y-3">
      <p className="text-sm text-slate-300">
        {result.symbol} {result.timeframe} on {result.venue}: {count(result.rows)} rows read,{' '}
        <strong>{count(result.stored)} stored</strong>, {count(result.skipped)} skipped
        {result.keptLive > 0 && `, ${count(result.keptLive)} kept from the venue`}
        {result.from !== null &&
          result.to !== null &&
          ` (${formatDateTime(result.from)} – ${formatDateTime(result.to)})`}
        .
      </p>
      {result.gaps.length > 0 && (
        <Alert tone="warning">
          {count(result.gaps.reduce((n, g) => n + g.count, 0))} candles missing in{' '}
          {count(result.gaps.length)} gap{result.gaps.length === 1 ? '' : 's'} (first at{' '}
          {formatDateTime(result.gaps[0]!.from)}). Backtests report them; nothing is filled in.
        </Alert>
      )}
      {result.errors.length > 0 && (
        <>
          <h3 className="text-sm font-medium text-slate-200">
            Row errors
            {result.errorsTruncated && ` (first ${count(result.errors.length)} shown)`}
          </h3>
          <Table label="Row errors">
            <thead>
              <tr>
                <Th className="text-right">Line</Th>
                <Th>Field</Th>
                <Th>Problem</Th>
                <Th>Value</Th>
              </tr>
            </thead>
            <tbody>
              {result.errors.map((e, i) => (
                <tr key={`${e.row}-${e.field ?? ''}-${i}`}>
                  <NumTd>{e.row === 0 ? 'file' : e.row}</NumTd>
                  <Td>{e.field ?? '—'}</Td>
                  <Td>{e.reason}</Td>
                  <Td className="max-w-xs truncate font-mono text-xs">{e.value ?? ''}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      )}
    </section>
  );
}
