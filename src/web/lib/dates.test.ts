import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatEraDate, formatPeriod, japanCalendarDateOf } from './dates.js';

const texts = { period: (a: string, b: string) => `${a}〜${b}`, openEnded: (a: string) => `${a}〜` };

describe('dates in Japan time', () => {
  it('formats calendar dates with the Japanese era', () => {
    expect(formatEraDate('2026-11-25')).toBe('令和8年11月25日');
    expect(formatDate('2026-11-25', 'ja')).toBe('令和8年11月25日');
    expect(formatDate('2019-04-30', 'ja')).toBe('平成31年4月30日');
    expect(formatDate('2026-11-25', 'en')).toBe('25 Nov 2026');
  });

  it('never shifts a calendar date by a time zone', () => {
    expect(formatDate('2026-01-01', 'ja')).toBe('令和8年1月1日');
    expect(formatDate('2026-12-31', 'en')).toBe('31 Dec 2026');
  });

  it('shows instants in Japan time whatever the machine zone', () => {
    // 10:46 UTC is 19:46 in Tokyo (UTC+9, no daylight saving).
    expect(formatDateTime('2026-11-25T10:46:00Z', 'ja')).toBe('令和8年11月25日 19:46');
    expect(formatDateTime('2026-11-25T10:46:00Z', 'en')).toBe('25 Nov 2026, 19:46 JST');
    // 16:30 UTC on the 25th is already the 26th in Japan.
    expect(formatDateTime('2026-11-25T16:30:00Z', 'ja')).toBe('令和8年11月26日 01:30');
    expect(japanCalendarDateOf(new Date('2026-11-25T16:30:00Z'))).toBe('2026-11-26');
  });

  it('passes unparseable values through unchanged', () => {
    expect(formatDate('not a date', 'ja')).toBe('not a date');
    expect(formatDateTime('nonsense', 'en')).toBe('nonsense');
  });

  it('formats periods, open-ended or closed', () => {
    expect(formatPeriod('2026-04-01', null, 'ja', texts)).toBe('令和8年4月1日〜');
    expect(formatPeriod('2026-04-01', '2027-03-31', 'ja', texts)).toBe('令和8年4月1日〜令和9年3月31日');
  });
});
