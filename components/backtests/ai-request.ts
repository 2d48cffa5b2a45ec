/** An AI strategy version as the backtest form offers it (`id` is `ai:<versionId>`). */
export interface AiStrategyOption {
  id: string;
  label: string;
  description: string;
}

/**
 * The AI part of the form's request: the version as `strategyId`, no rule params, one run, and
 * `ai` (cadence, confirmation) as `backtestRunSchema` parses it.
 */
export function withAi<B extends { params: Record<string, number> }>(
  body: B,
  form: FormData,
  option: AiStrategyOption,
): B & { strategyId: string; ai: { decisionEveryBars?: number; confirmCost: boolean } } {
  const every = form.get('ai.decisionEveryBars');
  const raw = typeof every === 'string' ? every.trim() : '';
  return {
    ...body,
    strategyId: option.id,
    params: {},
    mode: 'single',
    ai: {
      ...(raw === '' ? {} : { decisionEveryBars: Number(raw) }),
      confirmCost: form.get('ai.confirmCost') === 'on',
    },
  };
}
