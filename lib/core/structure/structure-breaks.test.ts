import { describe, expect, it } from 'vitest';
import { StructureBreaks } from './structure-breaks';
import { type SwingPoint } from './types';

const swing = (kind: 'high' | 'low', price: number, index: number): SwingPoint => ({
  kind,
  price,
  index,
  time: index,
  confirmedAt: index + 2,
});

describe('StructureBreaks', () => {
  it('labels the first break BOS, a break against the bias CHoCH, a break with it BOS', () => {
    const b = new StructureBreaks();
    b.addSwing(swing('high', 110, 2));
    b.addSwing(swing('low', 100, 5));
    b.update(8, 112, 108, 111); // close above 110
    expect(b.latest).toEqual([
      { kind: 'bos', direction: 'bullish', level: 110, index: 8, swingIndex: 2 },
    ]);
    b.addSwing(swing('low', 105, 10));
    b.update(13, 106, 103, 104); // close below the newer low 105
    expect(b.last).toEqual({
      kind: 'choch',
      direction: 'bearish',
      level: 105,
      index: 13,
      swingIndex: 10,
    });
    b.addSwing(swing('low', 101, 15));
    b.update(18, 102, 99, 100);
    expect(b.last).toMatchObject({ kind: 'bos', direction: 'bearish', level: 101 });
    expect(b.bias).toBe('bearish');
    expect(b.lastBos?.index).toBe(18);
    expect(b.lastChoch?.index).toBe(13);
  });

  it('breaks each swing once', () => {
    const b = new StructureBreaks();
    b.addSwing(swing('high', 110, 2));
    b.update(5, 112, 109, 111);
    b.update(6, 113, 110, 112);
    expect(b.latest).toEqual([]);
    expect(b.last?.index).toBe(5);
  });

  it('ignores a wick beyond the level unless breakOn is wick', () => {
    const byClose = new StructureBreaks('close');
    const byWick = new StructureBreaks('wick');
    for (const b of [byClose, byWick]) {
      b.addSwing(swing('high', 110, 2));
      b.update(5, 111, 108, 109); // high above, close below
    }
    expect(byClose.last).toBeNull();
    expect(byWick.last).toMatchObject({ kind: 'bos', direction: 'bullish', index: 5 });
  });

  it('needs a close strictly beyond the level', () => {
    const b = new StructureBreaks();
    b.addSwing(swing('low', 100, 2));
    b.update(5, 101, 99, 100);
    expect(b.last).toBeNull();
  });
});
