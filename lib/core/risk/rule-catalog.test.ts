import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_POLICY } from './default-policy';
import { PERFORMANCE_DESCRIPTOR, RULE_CATALOG } from './rule-catalog';
import { ALL_RULES } from './rules/all-rules';
import { RULE_IDS } from './types';

const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');

describe('RULE_CATALOG', () => {
  it('describes every rule once, in evaluation order, matching the engine', () => {
    expect(RULE_CATALOG.map((r) => r.id)).toEqual([...RULE_IDS]);
    expect(ALL_RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
    expect(RULE_CATALOG.map((r) => r.policyKey)).toEqual(ALL_RULES.map((r) => r.policyKey));
  });

  it('names each rule id after its policy key', () => {
    for (const rule of ALL_RULES) {
      expect(rule.id).toBe(rule.policyKey.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));
    }
  });

  it('covers every policy field with its default', () => {
    for (const d of [...RULE_CATALOG, PERFORMANCE_DESCRIPTOR]) {
      const defaults = DEFAULT_RISK_POLICY[d.policyKey] as unknown as Record<string, unknown>;
      const fields = Object.keys(defaults).filter((k) => k !== 'enabled');
      expect(d.params.map((p) => p.key).sort()).toEqual(fields.sort());
      for (const p of d.params) expect(p.defaultValue).toEqual(defaults[p.key]);
      expect(d.defaultEnabled).toBe(DEFAULT_RISK_POLICY[d.policyKey].enabled);
    }
  });

  it('is documented in README.md', () => {
    for (const d of [...RULE_CATALOG, PERFORMANCE_DESCRIPTOR]) {
      expect(readme).toContain(`\`${d.id}\``);
      for (const p of d.params) expect(readme).toContain(`\`${p.key}\``);
    }
  });
});
