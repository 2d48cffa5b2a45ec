import { z } from 'zod';
import { type ParamDoc } from './types';

export interface AtrExitParams {
  atrPeriod: number;
  stopLossAtr: number;
  takeProfitAtr: number;
}

/** Zod fields for ATR-based exits, with a strategy's own defaults. 0 switches an exit off. */
export function atrExitFields(defaults: AtrExitParams) {
  return {
    atrPeriod: z.number().int().min(2).max(200).default(defaults.atrPeriod),
    stopLossAtr: z.number().min(0).max(20).default(defaults.stopLossAtr),
    takeProfitAtr: z.number().min(0).max(50).default(defaults.takeProfitAtr),
  };
}

export const atrExitDocs: { [K in keyof AtrExitParams]: ParamDoc } = {
  atrPeriod: {
    label: 'ATR period',
    description: 'Candles in the Average True Range used for exits.',
    min: 2,
    max: 200,
    step: 1,
  },
  stopLossAtr: {
    label: 'Stop-loss (× ATR)',
    description: 'Stop-loss distance below the entry in ATRs; 0 = none.',
    min: 0,
    max: 20,
    step: 0.1,
  },
  takeProfitAtr: {
    label: 'Take-profit (× ATR)',
    description: 'Take-profit distance above the entry in ATRs; 0 = none.',
    min: 0,
    max: 50,
    step: 0.1,
  },
};

/** Whether the exits need the ATR at all (both multiples 0: no exits, so no ATR to keep). */
export function usesAtr(params: AtrExitParams): boolean {
  return params.stopLossAtr > 0 || params.takeProfitAtr > 0;
}

/** Stop-loss and take-profit prices for a long entered at `price` (an exit is omitted when its multiple is 0). */
export function atrExits(
  price: number,
  atr: number,
  params: AtrExitParams,
): { stopLoss?: number; takeProfit?: number } {
  const exits: { stopLoss?: number; takeProfit?: number } = {};
  const stop = price - params.stopLossAtr * atr;
  if (params.stopLossAtr > 0 && stop > 0) exits.stopLoss = stop;
  if (params.takeProfitAtr > 0) exits.takeProfit = price + params.takeProfitAtr * atr;
  return exits;
}
