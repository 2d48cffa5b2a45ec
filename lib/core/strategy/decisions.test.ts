import { describe, expect, it } from 'vitest';
import { frozenHold, wantsReasoning } from './decisions';

describe('frozenHold', () => {
  it('cannot be changed by whoever keeps it', () => {
    const hold = frozenHold('wait');
    expect(Object.isFrozen(hold)).toBe(true);
    expect(hold).toEqual({ action: 'hold', confidence: 0, reasoning: 'wait' });
  });
});

describe('wantsReasoning', () => {
  it('is true unless the context says explain: false', () => {
    expect(wantsReasoning({ time: 0, position: null })).toBe(true);
    expect(wantsReasoning({ time: 0, position: null, explain: true })).toBe(true);
    expect(wantsReasoning({ time: 0, position: null, explain: false })).toBe(false);
  });
});
