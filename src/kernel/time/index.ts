export { fixedClock, systemClock, type Clock } from './clock.js';
export {
  calendarDate,
  DEFAULT_TIME_ZONE,
  formatEraDate,
  formatJapaneseDate,
  formatJapanTime,
} from './japan-date.js';
