'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { removeModelPriceAction } from '@/app/(app)/admin/ai-actions';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { NumTd, Table, Td, Th } from '@/components/ui/table';
import { toast } from '@/components/ui/toast';
import type { PriceTableRow } from '@/lib/admin/ai-prices';
import { formatDateTime } from '@/lib/format';
import { AiPriceForm, EMPTY_PRICE, type PriceFormValues } from './ai-price-form';

/** A `listPriceTable` row as it reaches the browser (the date as ISO text). */
export type PriceRow = Omit<PriceTableRow, 'updatedAt'> & { updatedAt: string | null };

/** The price table: built-in list prices and the admin's, editable; admin rows removable. */
export function AiPriceTable({ rows }: { rows: readonly PriceRow[] }) {
  const router = useRouter();
  const [form, setForm] = useState<PriceFormValues>(EMPTY_PRICE);
  const [removing, setRemoving] = useState<PriceRow | null>(null);
  const [pending, start] = useTransition();
  const edit = (r: PriceRow) => {
    setForm({ ...r, trainingCutoff: r.trainingCutoff ?? '' });
    document.getElementById('price-model')?.focus();
  };
  const remove = () =>
    start(async () => {
      if (!removing) return;
      const result = await removeModelPriceAction(null, {
        provider: removing.provider,
        model: removing.model,
      });
      setRemoving(null);
      if (!result.ok) return toast(result.error.message, 'error');
      toast(
        result.data.builtInApplies
          ? `Price removed: ${removing.model} is priced at the built-in list price again.`
          : `Price removed: ${removing.model} now counts as free.`,
        'success',
      );
      router.refresh();
    });
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-400">
        USD per million tokens. Every decision, reflection and summary is costed with these; a dated
        model name (gpt-4.1-mini-2025-04-14) takes the price of its longest listed prefix, and
        unlisted models (e.g. a local server) cost nothing.
      </p>
      <Table label="Model prices">
        <thead>
          <tr>
            <Th>Provider</Th>
            <Th>Model</Th>
            <Th className="text-right">Input</Th>
            <Th className="text-right">Cached input</Th>
            <Th className="text-right">Output</Th>
            <Th>Training cutoff</Th>
            <Th>Source</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.provider}:${r.model}`}>
              <Td>{r.provider}</Td>
              <Td className="font-mono">{r.model}</Td>
              <NumTd>{r.inputPerMTok}</NumTd>
              <NumTd>{r.cachedInputPerMTok}</NumTd>
              <NumTd>{r.outputPerMTok}</NumTd>
              <Td>{r.trainingCutoff ?? '—'}</Td>
              <Td>
                {r.source === 'admin' ? (
                  <Badge
                    tone="info"
                    title={r.updatedAt ? `Set ${formatDateTime(r.updatedAt)}` : undefined}
                  >
                    {r.overridesBuiltIn ? 'admin (overrides list)' : 'admin'}
                  </Badge>
                ) : (
                  <Badge>built-in</Badge>
                )}
              </Td>
              <Td className="space-x-2 whitespace-nowrap text-right">
                <Button
                  type="button"
                  variant="secondary"
                  className="px-2 py-1 text-xs"
                  onClick={() => edit(r)}
                  aria-label={`Edit the price of ${r.model}`}
                >
                  Edit
                </Button>
                {r.source === 'admin' && (
                  <Button
                    type="button"
                    variant="danger"
                    className="px-2 py-1 text-xs"
                    onClick={() => setRemoving(r)}
                    aria-label={`Remove the price of ${r.model}`}
                  >
                    Remove
                  </Button>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <AiPriceForm
        values={form}
        onChange={setForm}
        onSaved={() => {
          setForm(EMPTY_PRICE);
          router.refresh();
        }}
      />
      {removing && (
        <ConfirmDialog
          open
          title={`Remove the price of ${removing.model}?`}
          confirmLabel="Remove price"
          pending={pending}
          onConfirm={remove}
          onCancel={() => setRemoving(null)}
        >
          {removing.overridesBuiltIn
            ? 'Calls to this model will be costed at the built-in list price again.'
            : 'Calls to this model will count as free (no cost, no budget use) until you add a price.'}
        </ConfirmDialog>
      )}
    </div>
  );
}
