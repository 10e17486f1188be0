import { bi, type Db } from '../../../kernel/index.js';
import {
  evidence,
  unitsFinding,
  type ClauseEvaluator,
  type ClauseFinding,
  type EvidenceItem,
  type UnitFinding,
} from '../../policy/index.js';
import { cls } from './judge.js';

/**
 * 第7 1(1)イ judged from the records: where a section keeps information only some of its staff may handle, it is
 * in a compartment (別領域) of that section with its members named. Judged unit by unit over the sections that
 * have compartments or information in one: each compartment in force needs at least one member, every member a
 * current staff member of the section (a transfer or a leaver left on the list is a finding, though the access
 * kernel already ignores them); each asset in a compartment needs it in force, of its own section, with members.
 * A unit holding class I information in compartments whose members are named is met. Three set-based reads.
 */

const inForce = (from: string, to: string | null, asOf: string): boolean =>
  from <= asOf && (to === null || to >= asOf);

const readCompartments = (db: Db) =>
  db
    .selectFrom('compartments')
    .select(['id', 'unit_id', 'name_ja', 'name_en', 'valid_from', 'valid_to'])
    .orderBy('valid_from')
    .execute();

/** Memberships in force on the date, with where their person works now and whether they have left. */
const readMembers = (db: Db, asOf: string) =>
  db
    .selectFrom('compartment_members as m')
    .innerJoin('staff as s', 's.id', 'm.staff_id')
    .select(['m.compartment_id', 's.name_kanji', 's.employee_number', 's.unit_id', 's.end_date'])
    .where('m.start_date', '<=', asOf)
    .where((eb) => eb.or([eb('m.end_date', 'is', null), eb('m.end_date', '>=', asOf)]))
    .execute();

const readAssets = (db: Db) =>
  db
    .selectFrom('information_assets')
    .select(['id', 'code', 'name', 'owning_unit_id', 'classification', 'compartment_id', 'classified_at'])
    .where('compartment_id', 'is not', null)
    .where('status', 'in', ['draft', 'active'])
    .orderBy('code')
    .execute();

interface Judged {
  readonly unitId: string;
  readonly ok: boolean;
  readonly item: EvidenceItem;
}

export const compartmentEvaluator: ClauseEvaluator = {
  id: 'access.compartments',
  module: 'access',
  clauseIds: ['7.1.1.b'],
  evaluate: async (ctx): Promise<ClauseFinding[]> => {
    const [compartments, members, assets] = await Promise.all([
      readCompartments(ctx.db),
      readMembers(ctx.db, ctx.asOf),
      readAssets(ctx.db),
    ]);
    const byId = new Map(compartments.map((c) => [c.id, c]));
    const membersOf = new Map<string, typeof members>();
    for (const m of members) membersOf.set(m.compartment_id, [...(membersOf.get(m.compartment_id) ?? []), m]);
    /** A member who no longer works in the compartment's section (moved, or left). */
    const outsiders = (c: (typeof compartments)[number]) =>
      (membersOf.get(c.id) ?? []).filter(
        (m) => m.unit_id !== c.unit_id || (m.end_date !== null && m.end_date < ctx.asOf),
      );
    const current = (c: (typeof compartments)[number]): number =>
      (membersOf.get(c.id) ?? []).length - outsiders(c).length;

    const records: Judged[] = [];
    for (const c of compartments.filter((x) => inForce(x.valid_from, x.valid_to, ctx.asOf))) {
      const away = outsiders(c);
      const n = current(c);
      const ok = n > 0 && away.length === 0;
      const problem =
        away.length > 0
          ? bi(
              `所属しない職員が担当職員のままです: ${away.map((m) => m.name_kanji).join('、')}`,
              `members no longer in the section are still listed: ${away.map((m) => m.employee_number).join(', ')}`,
            )
          : n === 0
            ? bi('担当職員が定められていません', 'no members named')
            : null;
      records.push({
        unitId: c.unit_id,
        ok,
        item: evidence({
          kind: 'record',
          type: 'Compartment',
          ref: `compartment:${c.id}`,
          label: bi(
            `別領域「${c.name_ja}」: 担当職員${String(n)}名${problem === null ? '' : `（${problem.ja}）`}`,
            `Compartment "${c.name_en}": ${String(n)} members${problem === null ? '' : ` (${problem.en})`}`,
          ),
          unitId: c.unit_id,
          at: c.valid_from,
          ok,
        }),
      });
    }
    for (const a of assets) {
      const c = a.compartment_id === null ? undefined : byId.get(a.compartment_id);
      const open = c !== undefined && inForce(c.valid_from, c.valid_to, ctx.asOf);
      const sameUnit = c !== undefined && c.unit_id === a.owning_unit_id;
      const n = c === undefined ? 0 : current(c);
      const ok = open && sameUnit && n > 0;
      const where =
        c === undefined
          ? bi('不明な別領域', 'an unknown compartment')
          : bi(`「${c.name_ja}」`, `"${c.name_en}"`);
      const problem = !open
        ? bi('別領域は廃止済み', 'the compartment is closed')
        : !sameUnit
          ? bi('他の部署の別領域', "another unit's compartment")
          : n === 0
            ? bi('担当職員なし', 'no members')
            : null;
      records.push({
        unitId: a.owning_unit_id,
        ok,
        item: evidence({
          kind: 'record',
          type: 'InformationAsset',
          ref: `asset:${a.id}`,
          label: bi(
            `${a.code} ${a.name}（分類${cls(a.classification)}）: 別領域${where.ja}${problem === null ? `、担当職員${String(n)}名` : `（${problem.ja}）`}`,
            `${a.code} ${a.name} (class ${cls(a.classification)}): in ${where.en}${problem === null ? `, ${String(n)} members` : ` (${problem.en})`}`,
          ),
          unitId: a.owning_unit_id,
          at: a.classified_at,
          ok,
        }),
      });
    }

    const byUnit = new Map<string, Judged[]>();
    for (const r of records) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r]);
    const classI = new Map<string, number>();
    for (const a of assets)
      if (a.classification === 1) classI.set(a.owning_unit_id, (classI.get(a.owning_unit_id) ?? 0) + 1);
    const units = [...byUnit.entries()]
      .filter(([unitId]) => ctx.unitById.has(unitId))
      .map(([unitId, own]): UnitFinding => {
        const bad = own.filter((r) => !r.ok).length;
        const held = classI.get(unitId) ?? 0;
        return {
          unitId,
          status: bad === 0 ? 'met' : bad === own.length ? 'notMet' : 'partlyMet',
          reason:
            bad === 0
              ? held > 0
                ? bi(
                    `分類Iの情報資産${String(held)}件を担当職員を定めた別領域で扱っています。`,
                    `${String(held)} class I assets are kept in compartments with named members.`,
                  )
                : bi('別領域に担当職員が定められています。', 'Its compartments have named members.')
              : bi(
                  `別領域の記録${String(own.length)}件のうち${String(bad)}件に不備があります。`,
                  `${String(bad)} of ${String(own.length)} compartment records fall short.`,
                ),
          evidence: [...own.filter((r) => !r.ok), ...own.filter((r) => r.ok)].map((r) => r.item),
        };
      });
    if (units.length === 0) {
      return [
        {
          clauseId: '7.1.1.b',
          status: 'notYetEvaluable',
          reason: bi(
            '別領域の記録がありません。科課室等内の特定の職員だけが扱う情報資産がある場合、情報セキュリティ管理者が別領域を作成し担当職員を定めます。',
            'No compartments are recorded. Where only some staff of a section may handle information, its Security Manager makes a compartment and names its members.',
          ),
          evidence: [],
        },
      ];
    }
    return [
      unitsFinding(
        '7.1.1.b',
        bi('別領域と担当職員（第7 1(1)イ）', 'Compartments and their members (第7 1(1)イ)'),
        units,
      ),
    ];
  },
};
