import { dictionary as common } from '@zxcvbn-ts/language-common';
import { dictionary as japanese } from '@zxcvbn-ts/language-ja';
import { japanesePatterns, keyboardRows } from './password-blocklist-ja.js';

/**
 * The blocklist shipped with the package (第6 4(2)(ウ); NIST SP 800-63B-4 §3.1.1.2): about 49,000 common and
 * breached passwords (@zxcvbn-ts/language-common), romanised Japanese words and names (@zxcvbn-ts/language-ja),
 * and our own Japanese patterns. Nothing is fetched at run time (closed networks first).
 */
let words: ReadonlySet<string> | undefined;
const blocklist = (): ReadonlySet<string> => {
  words ??= new Set(
    [
      ...common['passwords-common'],
      ...japanese.commonWords,
      ...japanese.firstnames,
      ...japanese.lastnames,
      ...japanesePatterns,
    ].map((w) => w.normalize('NFKC').toLowerCase()),
  );
  return words;
};

const leet: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};
const unleet = (s: string): string => s.replace(/[013457@$]/g, (c) => leet[c] ?? c);

/** Digits and symbols people add around a word ("password123!", "!!sakura2026"). */
const stripDecoration = (s: string): string => s.replace(/^[\p{N}\p{P}\p{S}\s]+|[\p{N}\p{P}\p{S}\s]+$/gu, '');

/** The shortest unit the string repeats ("abcabcabc" → "abc"), or null when it is not a repetition. */
const repeatedUnit = (chars: readonly string[]): string | null => {
  for (let unit = 1; unit <= chars.length / 2; unit++) {
    if (chars.length % unit === 0 && chars.every((c, i) => c === chars[i % unit]))
      return chars.slice(0, unit).join('');
  }
  return null;
};

/** A run along a keyboard row or the alphabet, a short unit repeated, or a listed word repeated. */
const isPattern = (s: string, list: ReadonlySet<string>): boolean => {
  const chars = Array.from(s);
  if (chars.length < 4) return false;
  const unit = repeatedUnit(chars);
  if (unit !== null && (Array.from(unit).length <= 4 || list.has(unit))) return true;
  for (const row of keyboardRows) {
    if (row.includes(s)) return true;
    const reversed = Array.from(row).reverse().join('');
    if (reversed.includes(s)) return true;
  }
  return false;
};

/** True when the password, once lower-cased and stripped of decoration, is a listed word or a pattern. */
export const isBlocklisted = (password: string): boolean => {
  const lower = password.normalize('NFKC').toLowerCase();
  const list = blocklist();
  const stripped = [stripDecoration(lower), stripDecoration(unleet(lower))].filter(
    (c) => Array.from(c).length >= 3,
  );
  for (const c of new Set([lower, unleet(lower), ...stripped])) {
    if (list.has(c) || isPattern(c, list)) return true;
  }
  // Only digits, of any length (dates, phone numbers, 12345…).
  return /^\d+$/.test(lower);
};

/** Size of the list, for the settings screen. */
export const blocklistSize = (): number => blocklist().size;
