import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';

describe('csv', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z');
    expect(csvField({ a: 1 })).toBe('"{""a"":1}"');
  });

  it('keeps negative numbers but neutralises formulas', () => {
    expect(csvField('-12.5')).toBe('-12.5');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('@cmd')).toBe("'@cmd");
  });

  it('writes a header and one line per row', () => {
    expect(toCsv([{ a: 1, b: 'x' }, { a: 2 }], ['a', 'b'])).toBe('a,b\r\n1,x\r\n2,\r\n');
  });
});
