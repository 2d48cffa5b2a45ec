import { formatNumber } from '../format';
import { fallsShort } from '../tolerance';
import { defineRule, failed, passed, skipped } from './rule';

/**
 * Rejects decisions below the minimum confidence. Uses the performance-adjusted minimum, so a
 * poor recent record raises the bar. Orders without a confidence (manual, webhook) are skipped.
 */
export const minConfidenceRule = defineRule({
  id: 'min-confidence',
  policyKey: 'minConfidence',
  check({ context, performance }) {
    const { confidence } = context.order;
    if (confidence === null || confidence === undefined) {
      return skipped(
        'min-confidence',
        'no-data',
        'No confidence on this order (manual or webhook)',
      );
    }
    const min = performance.minConfidence;
    if (!fallsShort(confidence, min)) return passed('min-confidence');
    const raised =
      min !== performance.baseMinConfidence
        ? ` (raised from ${formatNumber(performance.baseMinConfidence)} after poor recent performance)`
        : '';
    return failed(
      'min-confidence',
      'CONFIDENCE_BELOW_MIN',
      `Confidence ${formatNumber(confidence)} is below the minimum ${formatNumber(min)}${raised}`,
      confidence,
      min,
    );
  },
});
