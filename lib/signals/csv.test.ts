import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, csvStream } from './csv';

describe('csv', () => {
  it('neutralises formula starts and quotes separators', () => {
    expect(
      ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'plain', 'a,b', 'say "hi"', 'l1\nl2'].map(
        csvCell,
      ),
    ).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      `"'\rx"`,
      'plain',
      '"a,b"',
      '"say ""hi"""',
      '"l1\nl2"',
    ]);
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(null)).toBe('');
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
  });

  it('streams the header then every page until an empty one', async () => {
    const pages = [[1, 2], [3], []];
    const seen: (number | undefined)[] = [];
    const stream = csvStream<number>(
      ['n'],
      (after) => {
        seen.push(after);
        return Promise.resolve(pages.shift() ?? []);
      },
      (n) => [n],
    );
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
      await new Response(stream).arrayBuffer(),
    );
    expect(text).toBe('\uFEFFn\r\n1\r\n2\r\n3\r\n');
    expect(seen).toEqual([undefined, 2, 3]);
  });
});
