import { describe, expect, it } from 'vitest';
import { tarHeader } from './export-archive.js';

const checksumOk = (h: Buffer): boolean => {
  const stored = Number.parseInt(h.subarray(148, 154).toString('ascii'), 8);
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : (h[i] ?? 0);
  return stored === sum;
};

describe('the export archive (ustar)', () => {
  it('writes sizes in octal, and past 8 GiB in the GNU base-256 form tar reads (a log of tens of millions)', () => {
    const small = tarHeader(
      'mamori-ledger-export/audit/entries.jsonl',
      1234,
      new Date('2026-04-01T00:00:00Z'),
      '0',
    );
    expect(small.subarray(124, 136).toString('ascii')).toBe('00000002322\0');
    expect(small.subarray(257, 265).toString('ascii')).toBe('ustar\x0000');
    expect(checksumOk(small)).toBe(true);
    const size = 2 ** 33 + 5;
    const large = tarHeader('x', size, new Date('2026-04-01T00:00:00Z'), '0');
    expect(large[124]).toBe(0x80);
    let decoded = 0n;
    for (let i = 125; i < 136; i++) decoded = (decoded << 8n) | BigInt(large[i] ?? 0);
    expect(decoded).toBe(BigInt(size));
    expect(checksumOk(large)).toBe(true);
  });
});
