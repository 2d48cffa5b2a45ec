import { describe, expect, it } from 'vitest';
import { buildZip } from './zip-writer';

/** Reads a stored ZIP back through its central directory, the way unzip tools do. */
function readZip(zip: Buffer): { name: string; crc: number; data: string }[] {
  const endAt = zip.length - 22;
  expect(zip.readUInt32LE(endAt)).toBe(0x06054b50);
  const count = zip.readUInt16LE(endAt + 10);
  let at = zip.readUInt32LE(endAt + 16);
  const files = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26);
    files.push({ name, crc, data: zip.subarray(dataAt, dataAt + size).toString('utf8') });
    at += 46 + nameLength;
  }
  return files;
}

describe('buildZip', () => {
  it('writes stored entries with their CRC-32 and a central directory', () => {
    const zip = buildZip(
      [
        { name: 'hello.txt', data: Buffer.from('hello') },
        { name: 'dir/ünï.json', data: Buffer.from('{"a":1}') },
      ],
      new Date('2026-11-21T20:30:10Z'),
    );
    const files = readZip(zip);
    expect(files).toEqual([
      { name: 'hello.txt', crc: 0x3610a686, data: 'hello' },
      { name: 'dir/ünï.json', crc: expect.any(Number) as number, data: '{"a":1}' },
    ]);
    // DOS time 20:30:10 → (20 << 11) | (30 << 5) | 5; date 2026-11-21 → (46 << 9) | (11 << 5) | 21.
    expect(zip.readUInt16LE(10)).toBe((20 << 11) | (30 << 5) | 5);
    expect(zip.readUInt16LE(12)).toBe((46 << 9) | (11 << 5) | 21);
  });

  it('makes a valid empty archive', () => {
    const zip = buildZip([], new Date('2026-01-01T00:00:00Z'));
    expect(zip.length).toBe(22);
    expect(readZip(zip)).toEqual([]);
  });
});
