'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { placeOrderAction, previewOrderAction } from '@/app/(app)/trade/actions';
import { SymbolField } from '@/components/bots/symbol-field';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { toast } from '@/components/ui/toast';
import { fieldErrors } from '@/lib/errors/zod-fields';
import { formatMoney, formatPrice, formatQty } from '@/lib/format';
import { orderInput } from '@/lib/signals/order-input';
import type { OrderPreview } from '@/lib/signals/preview-order';
import { RiskResults } from './risk-results';

type Side = 'buy' | 'sell';
type OrderType = 'market' | 'limit';

/**
 * The manual order ticket: market or limit, an optional take-profit and stop-loss (placed as an
 * OCO on fill). "Review" runs the risk check; the order is sent only after the user confirms.
 */
export function OrderTicket({
  accounts,
  defaultSymbol = 'BTC/USDT',
}: {
  accounts: readonly { id: string; label: string }[];
  defaultSymbol?: string;
}) {
  const router = useRouter();
  const [accountId, setAccountId] = useState(accounts[0]?.id ?? '');
  const [symbol, setSymbol] = useState(defaultSymbol);
  const [side, setSide] = useState<Side>('buy');
  const [type, setType] = useState<OrderType>('market');
  const [amount, setAmount] = useState('100');
  const [quantity, setQuantity] = useState('');
  const [price, setPrice] = useState('');
  const [takeProfit, setTakeProfit] = useState('');
  const [stopLoss, setStopLoss] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [preview, setPreview] = useState<OrderPreview | null>(null);
  const [pending, start] = useTransition();

  const edit =
    <T,>(setter: (v: T) => void) =>
    (v: T) => {
      setter(v);
      setPreview(null);
    };
  const input = () => ({
    accountId,
    symbol,
    side,
    type,
    quoteAmount: side === 'buy' && !quantity ? amount : '',
    quantity,
    price: type === 'limit' ? price : '',
    takeProfit: side === 'buy' ? takeProfit : '',
    stopLoss: side === 'buy' ? stopLoss : '',
  });
  const validate = () => {
    const parsed = orderInput.safeParse(input());
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      return false;
    }
    setErrors({});
    return true;
  };

  const review = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    if (!validate()) return;
    start(async () => {
      const result = await previewOrderAction(null, input());
      if (result.ok) setPreview(result.data);
      else {
        setErrors(result.error.fields ?? {});
        setFormError(result.error.message);
      }
    });
  };
  const send = () =>
    start(async () => {
      const result = await placeOrderAction(null, {
        ...input(),
        clientRequestId: crypto.randomUUID(),
      });
      setPreview(null);
      if (!result.ok) {
        setFormError(result.error.message);
        return;
      }
      const o = result.data;
      if (o.decision === 'executed')
        toast(`Order ${o.order?.status ?? 'sent'}: ${side} ${symbol}.`, 'success');
      else toast(`Order ${o.decision}: ${o.reason ?? 'see the signal for details'}.`, 'error');
      router.refresh();
    });

  const tab = (active: boolean, tone: 'buy' | 'sell' | 'plain') =>
    `flex-1 rounded-md px-3 py-2 text-sm font-medium ${active ? (tone === 'buy' ? 'bg-profit/90 text-white' : tone === 'sell' ? 'bg-loss/90 text-white' : 'bg-accent text-white') : 'bg-surface text-slate-400 hover:text-slate-200'}`;

  return (
    <form onSubmit={review} noValidate className="space-y-4" aria-label="Order ticket">
      {formError && <Alert tone="error">{formError}</Alert>}
      {accounts.length > 1 && (
        <Select
          label="Account"
          name="accountId"
          id="ticket-account"
          value={accountId}
          onChange={(e) => edit(setAccountId)(e.target.value)}
          options={accounts.map((a) => ({ value: a.id, label: a.label }))}
          error={errors.accountId}
        />
      )}
      <SymbolField
        value={symbol}
        onChange={edit(setSymbol)}
        accountId={accountId || undefined}
        error={errors.symbol}
      />
      <div
        role="group"
        aria-label="Side"
        className="flex gap-1 rounded-md border border-surface-border p-1"
      >
        <button
          type="button"
          aria-pressed={side === 'buy'}
          className={tab(side === 'buy', 'buy')}
          onClick={() => edit(setSide)('buy')}
        >
          Buy
        </button>
        <button
          type="button"
          aria-pressed={side === 'sell'}
          className={tab(side === 'sell', 'sell')}
          onClick={() => edit(setSide)('sell')}
        >
          Sell
        </button>
      </div>
      <div
        role="group"
        aria-label="Order type"
        className="flex gap-1 rounded-md border border-surface-border p-1"
      >
        <button
          type="button"
          aria-pressed={type === 'market'}
          className={tab(type === 'market', 'plain')}
          onClick={() => edit(setType)('market')}
        >
          Market
        </button>
        <button
          type="button"
          aria-pressed={type === 'limit'}
          className={tab(type === 'limit', 'plain')}
          onClick={() => edit(setType)('limit')}
        >
          Limit
        </button>
      </div>
      {type === 'limit' && (
        <TextField
          label="Limit price"
          name="price"
          inputMode="decimal"
          value={price}
          onChange={(e) => edit(setPrice)(e.target.value)}
          error={errors.price}
        />
      )}
      <div className="grid grid-cols-2 gap-3">
        {side === 'buy' && (
          <TextField
            label="Amount to spend (quote)"
            name="quoteAmount"
            inputMode="decimal"
            value={amount}
            onChange={(e) => edit(setAmount)(e.target.value)}
            error={errors.quoteAmount}
          />
        )}
        <TextField
          label={side === 'buy' ? 'or quantity (base)' : 'Quantity (base)'}
          name="quantity"
          inputMode="decimal"
          value={quantity}
          onChange={(e) => edit(setQuantity)(e.target.value)}
          error={errors.quantity}
        />
      </div>
      {side === 'buy' && (
        <fieldset className="grid grid-cols-2 gap-3">
          <legend className="mb-1 text-xs text-slate-500">
            Protection (optional, placed as an OCO when the entry fills)
          </legend>
          <TextField
            label="Take-profit price"
            name="takeProfit"
            inputMode="decimal"
            value={takeProfit}
            onChange={(e) => edit(setTakeProfit)(e.target.value)}
            error={errors.takeProfit}
          />
          <TextField
            label="Stop-loss price"
            name="stopLoss"
            inputMode="decimal"
            value={stopLoss}
            onChange={(e) => edit(setStopLoss)(e.target.value)}
            error={errors.stopLoss}
          />
        </fieldset>
      )}
      {!preview && (
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? 'Checking…' : 'Review order'}
        </Button>
      )}
      {preview && (
        <div
          className="space-y-3 rounded-md border border-surface-border bg-surface p-3"
          data-testid="order-preview"
        >
          <div className="flex items-center justify-between">
            <p className="text-sm font-semibold text-slate-100">Risk check</p>
            <span
              className={`text-sm font-semibold ${preview.approved ? 'text-profit' : 'text-loss'}`}
            >
              {preview.approved ? 'Approved' : 'Rejected'}
            </span>
          </div>
          {preview.size?.ok && (
            <p className="text-sm text-slate-300">
              {side === 'buy' ? 'Buys' : 'Sells'} {formatQty(preview.size.quantity)}{' '}
              {preview.symbol} at ≈{formatPrice(preview.size.price)} (
              {formatMoney(preview.size.notional)})
            </p>
          )}
          {preview.size && !preview.size.ok && (
            <p className="text-sm text-loss">{preview.size.message}</p>
          )}
          <RiskResults results={preview.results} />
          <div className="flex gap-2">
            <Button
              type="button"
              variant={side === 'buy' ? 'primary' : 'danger'}
              disabled={pending || !preview.approved}
              onClick={send}
              className="flex-1"
            >
              {pending ? 'Sending…' : `Send ${side} order`}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setPreview(null)}>
              Edit
            </Button>
          </div>
        </div>
      )}
    </form>
  );
}
