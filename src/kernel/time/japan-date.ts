/**
 * Dates are stored as ISO (UTC instants, or YYYY-MM-DD calendar dates) and shown in Japan time by default,
 * with the Japanese era (令和) where hospital paperwork expects it.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Tokyo';

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export const calendarDate = (instant: Date, timeZone = DEFAULT_TIME_ZONE): string => {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
  return parts; // en-CA formats as YYYY-MM-DD
};

const dateFromCalendar = (date: string): Date => new Date(`${date}T00:00:00Z`);

/** 令和8年11月25日 */
export const formatEraDate = (date: string, timeZone = 'UTC'): string =>
  new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
    era: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone,
  }).format(dateFromCalendar(date));

/** 2026年11月25日（令和8年） */
export const formatJapaneseDate = (date: string): string => {
  const [y, m, d] = date.split('-').map(Number);
  const era = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
    era: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(dateFromCalendar(date));
  return `${String(y)}年${String(m)}月${String(d)}日（${era}）`;
};

/** 2026/11/25 19:46 in Japan time */
export const formatJapanTime = (instant: Date | string, timeZone = DEFAULT_TIME_ZONE): string =>
  new Intl.DateTimeFormat('ja-JP', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(typeof instant === 'string' ? new Date(instant) : instant);
