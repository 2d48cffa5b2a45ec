'use client';

import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { toast } from '@/components/ui/toast';
import { EXPORT_CONFIRMATION } from '@/lib/admin/confirmations';

/** Export everything: a ZIP with one CSV and one JSON file per table (no secrets), after a typed confirmation. */
export function ExportPanel() {
  const [open, setOpen] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  return (
    <div className="flex flex-wrap items-center justify-between gap-4">
      <div>
        <p className="font-medium text-slate-100">Export everything</p>
        <p className="text-sm text-slate-400">
          A ZIP of every table as CSV and JSON. Password hashes, exchange keys and token hashes are
          never included.
        </p>
      </div>
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        Export everything
      </Button>
      <form ref={form} method="post" action="/admin/export" className="hidden">
        <input type="hidden" name="confirmation" value={EXPORT_CONFIRMATION} />
      </form>
      {open && (
        <ConfirmDialog
          open
          title="Export all data?"
          confirmLabel="Download ZIP"
          typed={EXPORT_CONFIRMATION}
          onConfirm={() => {
            setOpen(false);
            form.current?.submit();
            toast('Export started: the ZIP downloads in a moment.', 'info');
          }}
          onCancel={() => setOpen(false)}
        >
          The file holds every user&apos;s trades, signals and AI decisions. Keep it somewhere safe.
        </ConfirmDialog>
      )}
    </div>
  );
}
