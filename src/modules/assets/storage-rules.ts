import { bi, type Bilingual } from '../../kernel/index.js';
import { classNames, isClassIIOrAbove, type ClassificationLevel } from './assets.schema.js';
import type { MediumRow, PlaceRow } from './storage.repository.js';

/**
 * The storage rules of 4-2(5) for one medium, as findings with their reasons: which rule applies to it, and
 * whether what the register records meets it. Pure, so the screen, the compliance evaluator and the tests judge
 * alike.
 *   イ (4.2.5.b) removable media stored long-term are write-protected;
 *   ウ (4.2.5.c) rarely used media and backup media stored long-term are at a site with a low natural-disaster risk;
 *   エ (4.2.5.d) removable media holding class II or above are kept where fire, heat, water and humidity are kept out.
 * "Long-term" is the pack's `assets.longTermStorageThreshold` (months), counted from the day it was put away.
 */

export interface StorageFinding {
  readonly clauseId: '4.2.5.b' | '4.2.5.c' | '4.2.5.d';
  readonly ok: boolean;
  readonly reason: Bilingual;
}

export const storageClauses = [
  { clauseId: '4.2.5.b', display: '第4 2(5)イ' },
  { clauseId: '4.2.5.c', display: '第4 2(5)ウ' },
  { clauseId: '4.2.5.d', display: '第4 2(5)エ' },
] as const;

/** The calendar date `months` before `date` (YYYY-MM-DD), clamped to the month's last day. */
export const monthsBefore = (date: string, months: number): string => {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
};

const live = (m: MediumRow): boolean => m.status === 'inUse' || m.status === 'stored';

/** Stored since on or before the threshold date: long-term storage. */
export const isLongTerm = (m: MediumRow, asOf: string, thresholdMonths: number): boolean =>
  m.status === 'stored' && m.stored_since !== null && m.stored_since <= monthsBefore(asOf, thresholdMonths);

const protectionsMissing = (p: PlaceRow): Bilingual[] => [
  ...(p.fireproof === 1 ? [] : [bi('耐火', 'fire')]),
  ...(p.heatproof === 1 ? [] : [bi('耐熱', 'heat')]),
  ...(p.waterproof === 1 ? [] : [bi('耐水', 'water')]),
  ...(p.humidityproof === 1 ? [] : [bi('耐湿', 'humidity')]),
];

export const storageFindings = (
  medium: MediumRow,
  place: PlaceRow | null,
  asOf: string,
  thresholdMonths: number,
): StorageFinding[] => {
  if (!live(medium) || medium.removable !== 1) return [];
  const findings: StorageFinding[] = [];
  const longTerm = isLongTerm(medium, asOf, thresholdMonths);
  const since = medium.stored_since ?? '';
  if (longTerm) {
    findings.push(
      medium.write_protected === 1
        ? {
            clauseId: '4.2.5.b',
            ok: true,
            reason: bi(
              `${since}から長期保管。書込禁止（${medium.write_protection_method ?? ''}）。`,
              `Stored since ${since}; write-protected (${medium.write_protection_method ?? ''}).`,
            ),
          }
        : {
            clauseId: '4.2.5.b',
            ok: false,
            reason: bi(
              `${since}から長期保管されていますが、書込禁止の措置が記録されていません。`,
              `Stored since ${since} but no write protection is recorded.`,
            ),
          },
    );
  }
  if (longTerm && (medium.usage === 'rare' || medium.purpose === 'backup')) {
    const what =
      medium.purpose === 'backup'
        ? bi('バックアップ媒体', 'Backup medium')
        : bi('利用頻度の低い媒体', 'Rarely used medium');
    findings.push(
      place === null
        ? {
            clauseId: '4.2.5.c',
            ok: false,
            reason: bi(
              `${what.ja}の保管場所が記録されていません。`,
              `${what.en} with no storage place recorded.`,
            ),
          }
        : place.low_disaster_risk === 1
          ? {
              clauseId: '4.2.5.c',
              ok: true,
              reason: bi(
                `${what.ja}を自然災害の可能性が低い「${place.name}」に保管（根拠: ${place.disaster_risk_basis ?? ''}）。`,
                `${what.en} kept at “${place.name}”, at low natural-disaster risk (basis: ${place.disaster_risk_basis ?? ''}).`,
              ),
            }
          : {
              clauseId: '4.2.5.c',
              ok: false,
              reason: bi(
                `${what.ja}の保管場所「${place.name}」は自然災害の可能性が低い場所と評価されていません。`,
                `${what.en} kept at “${place.name}”, which is not assessed as at low natural-disaster risk.`,
              ),
            },
    );
  }
  if (medium.classification !== null && isClassIIOrAbove(medium.classification)) {
    const cls = classNames[medium.classification as ClassificationLevel];
    const missing = place === null ? null : protectionsMissing(place);
    findings.push(
      place === null || missing === null
        ? {
            clauseId: '4.2.5.d',
            ok: false,
            reason: bi(
              `分類${cls}を記録した媒体の保管場所が記録されていません。`,
              `Holds class ${cls} but no storage place is recorded.`,
            ),
          }
        : missing.length === 0
          ? {
              clauseId: '4.2.5.d',
              ok: true,
              reason: bi(
                `分類${cls}を記録。耐火・耐熱・耐水・耐湿の「${place.name}」に保管。`,
                `Holds class ${cls}; kept at “${place.name}”, protected against fire, heat, water and humidity.`,
              ),
            }
          : {
              clauseId: '4.2.5.d',
              ok: false,
              reason: bi(
                `分類${cls}を記録した媒体の保管場所「${place.name}」に${missing.map((x) => x.ja).join('・')}の措置がありません。`,
                `Holds class ${cls} but “${place.name}” lacks ${missing.map((x) => x.en).join(', ')} protection.`,
              ),
            },
    );
  }
  return findings;
};
