import { describe, expect, it } from 'vitest';
import { lineDiff } from './line-diff';

describe('lineDiff', () => {
  it('marks kept, removed and added lines in order', () => {
    expect(lineDiff('a\nb\nc', 'a\nx\nc\nd')).toEqual([
      { op: 'same', text: 'a' },
      { op: 'remove', text: 'b' },
      { op: 'add', text: 'x' },
      { op: 'same', text: 'c' },
      { op: 'add', text: 'd' },
    ]);
  });

  it('rebuilds both texts from the diff', () => {
    const before = 'one\ntwo\nthree\nfour\nfive';
    const after = 'zero\none\nthree\nfour!\nfive\nsix';
    const diff = lineDiff(before, after);
    const old = diff.filter((d) => d.op !== 'add').map((d) => d.text);
    const now = diff.filter((d) => d.op !== 'remove').map((d) => d.text);
    expect(old.join('\n')).toBe(before);
    expect(now.join('\n')).toBe(after);
    expect(diff.filter((d) => d.op === 'same')).toHaveLength(3);
  });

  it('gives only same lines for identical texts', () => {
    expect(lineDiff('x\ny', 'x\ny').every((d) => d.op === 'same')).toBe(true);
  });
});
