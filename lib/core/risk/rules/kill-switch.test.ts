import { describe, expect, it } from 'vitest';
import { makeInput } from '../test-fixtures';
import { killSwitchRule } from './kill-switch';

describe('kill-switch rule', () => {
  it('passes when both switches are off', () => {
    expect(killSwitchRule.evaluate(makeInput())).toEqual({
      rule: 'kill-switch',
      ok: true,
      status: 'passed',
    });
  });

  it('rejects an opening order when the global switch is on', () => {
    expect(killSwitchRule.evaluate(makeInput({ killSwitch: { global: true } }))).toEqual({
      rule: 'kill-switch',
      ok: false,
      status: 'failed',
      code: 'KILL_SWITCH_GLOBAL',
      message: 'Trading is halted by the global kill switch',
      observed: 'on',
      limit: 'off',
    });
  });

  it('rejects an opening order when the user switch is on', () => {
    const result = killSwitchRule.evaluate(makeInput({ killSwitch: { user: true } }));
    expect(result).toMatchObject({
      ok: false,
      code: 'KILL_SWITCH_USER',
      observed: 'on',
      limit: 'off',
    });
  });

  it('reports the global switch first when both are on', () => {
    const result = killSwitchRule.evaluate(makeInput({ killSwitch: { user: true, global: true } }));
    expect(result).toMatchObject({ ok: false, code: 'KILL_SWITCH_GLOBAL' });
  });

  it('lets reducing orders through while halted by default', () => {
    const result = killSwitchRule.evaluate(
      makeInput({ killSwitch: { global: true }, order: { reducing: true } }),
    );
    expect(result).toEqual({
      rule: 'kill-switch',
      ok: true,
      status: 'passed',
      note: 'Global kill switch is on; reducing orders are allowed',
    });
  });

  it('rejects reducing orders too when allowReducing is off', () => {
    const input = makeInput(
      { killSwitch: { user: true }, order: { reducing: true } },
      { killSwitch: { allowReducing: false } },
    );
    expect(killSwitchRule.evaluate(input)).toMatchObject({ ok: false, code: 'KILL_SWITCH_USER' });
  });

  it('ignores the user switch when the rule is off, but never the global switch', () => {
    const off = { killSwitch: { enabled: false } };
    expect(killSwitchRule.evaluate(makeInput({ killSwitch: { user: true } }, off))).toMatchObject({
      ok: true,
      status: 'passed',
      note: 'Your kill switch is on but the rule is switched off',
    });
    expect(killSwitchRule.evaluate(makeInput({ killSwitch: { global: true } }, off))).toMatchObject(
      {
        ok: false,
        code: 'KILL_SWITCH_GLOBAL',
      },
    );
  });
});
