import { mergePolicy } from './merge-policy';
import { botRiskOverridesSchema, riskPolicySchema, type RiskPolicy } from './policy-schema';

/**
 * The policy a bot runs under: the user's policy (defaults filled in) with the bot's overrides
 * laid over it, validated as a whole. Throws a `ZodError` with readable messages when either
 * part is invalid or the combination breaks a relation (e.g. a bot's minimum trade value above
 * the user's maximum); call it when saving overrides so the error reaches the user there.
 * Both arguments are read as stored JSON (`unknown`) and parsed; null or undefined = nothing set.
 */
export function resolvePolicy(userPolicy?: unknown, botOverrides?: unknown): RiskPolicy {
  const user = riskPolicySchema.parse(userPolicy ?? {});
  const overrides = botRiskOverridesSchema.parse(botOverrides ?? {});
  return riskPolicySchema.parse(mergePolicy(user, overrides));
}
