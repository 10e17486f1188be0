/**
 * Dates on screen: always Japan time (Asia/Tokyo), whatever the browser's zone. Japanese text uses the era (令和),
 * as hospital paperwork does; English uses day month year. Calendar dates (YYYY-MM-DD) are dates, not instants, and
 * are never shifted by a time zone.
 */
import type { Lang } from '../i18n/index.js';

export const JAPAN_TIME_ZONE = 'Asia/Tokyo';

const calendarDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as a Date at UTC midnight, or null if it is not YYYY-MM-DD. */
const parseCalendarDate = (date: string): Date | null => {
  const m = calendarDatePattern.exec(date);
  if (m === null) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? null : d;
};

const parseInstant = (instant: string | Date): Date | null => {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  return Number.isNaN(d.getTime()) ? null : d;
};

const eraDate = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});
const enDate = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const eraDateTime = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: JAPAN_TIME_ZONE,
});
const enDateTime = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: JAPAN_TIME_ZONE,
});
const japanCalendarDate = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: JAPAN_TIME_ZONE,
});

/** '2026-11-25' → 令和8年11月25日 */
export const formatEraDate = (date: string): string => {
  const d = parseCalendarDate(date);
  return d === null ? date : eraDate.format(d);
};

/** A calendar date for the reader: 令和8年11月25日 (ja) or 25 Nov 2026 (en). */
export const formatDate = (date: string, lang: Lang): string => {
  const d = parseCalendarDate(date);
  if (d === null) return date;
  return lang === 'ja' ? eraDate.format(d) : enDate.format(d);
};

/** An instant in Japan time: 令和8年11月25日 19:46 (ja) or 25 Nov 2026, 19:46 JST (en). */
export const formatDateTime = (instant: string | Date, lang: Lang): string => {
  const d = parseInstant(instant);
  if (d === null) return String(instant);
  return lang === 'ja' ? eraDateTime.format(d) : `${enDateTime.format(d)} JST`;
};

/** The calendar date (YYYY-MM-DD) in Japan of an instant. */
export const japanCalendarDateOf = (instant: Date): string => japanCalendarDate.format(instant);

/** A period of calendar dates: 令和8年4月1日〜令和9年3月31日, or open-ended. */
export const formatPeriod = (
  start: string,
  end: string | null,
  lang: Lang,
  texts: { period: (from: string, to: string) => string; openEnded: (from: string) => string },
): string =>
  end === null
    ? texts.openEnded(formatDate(start, lang))
    : texts.period(formatDate(start, lang), formatDate(end, lang));
