import { bi, roleName, type Bilingual } from '../../../kernel/index.js';
import type {
  ClauseEvaluator,
  ClauseFinding,
  EvaluationContext,
  EvidenceItem,
  UnitFinding,
  UnitRef,
} from '../compliance.model.js';
import { evidence, sameFinding, unitsFinding } from '../findings.js';
import {
  holdersIn,
  indexHoldings,
  loadHoldings,
  managerUnitKinds,
  officerUnitKinds,
  type Holding,
} from './org-holdings.js';

/**
 * 第3 組織体制 from the organisation's records: the roles are held (hospital-wide and per unit), the contact chart
 * of 3-2(6) reaches every holder, the delegation of 3-2(7) goes to the head of 医療情報課, Security Staff are
 * hospital employees (3-5(2)).
 */

const viaJa: Record<Holding['via'], string> = { assignment: '', delegation: '（委任）', acting: '（代理）' };
const viaEn: Record<Holding['via'], string> = { assignment: '', delegation: ' (delegated)', acting: ' (acting)' };

const holderEvidence = (h: Holding, role: string): EvidenceItem => {
  const name = roleName(role);
  return evidence({
    kind: 'record',
    type: h.via === 'assignment' ? 'RoleAssignment' : 'Delegation',
    ref: h.ref,
    label: bi(
      `${name.ja}: ${h.name}${viaJa[h.via]}（${h.startDate}〜${h.endDate ?? ''}）`,
      `${name.en}: ${h.name}${viaEn[h.via]} (${h.startDate} – ${h.endDate ?? ''})`,
    ),
    unitId: h.unitId,
    at: h.startDate,
  });
};

const vacancy = (role: string, unit: UnitRef | null): EvidenceItem => {
  const name = roleName(role);
  return evidence({
    kind: 'check',
    type: 'RoleAssignment',
    ref: unit ? `unit:${unit.id}` : 'org:hospital',
    label: unit
      ? bi(`${unit.nameJa}の${name.ja}が未配置`, `No ${name.en} for ${unit.nameEn}`)
      : bi(`${name.ja}が未配置`, `No ${name.en}`),
    unitId: unit?.id ?? null,
    ok: false,
  });
};

/** 「原 葵、武田 弥生（委任）」: the holders, delegates and acting holders marked. */
const namesOf = (holders: readonly Holding[]): Bilingual =>
  bi(
    holders.map((h) => `${h.name}${viaJa[h.via]}`).join('・'),
    holders.map((h) => `${h.name}${viaEn[h.via]}`).join(', '),
  );

/** A hospital-wide role: held today by appointment (or by an acting holder while the holder is away), or not. */
const hospitalRole = (
  clauseIds: readonly string[],
  role: string,
  index: ReadonlyMap<string, Holding[]>,
): ClauseFinding[] => {
  const holders = holdersIn(index, role, null);
  const name = roleName(role);
  const held = holders.some((h) => h.via !== 'delegation');
  const names = namesOf(holders);
  return sameFinding(
    clauseIds,
    held
      ? {
          status: 'met',
          reason: bi(`${name.ja}: ${names.ja}。`, `${name.en}: ${names.en}.`),
          evidence: holders.map((h) => holderEvidence(h, role)),
        }
      : {
          status: 'notMet',
          reason: bi(`${name.ja}が任命されていません。`, `No ${name.en} is appointed.`),
          evidence: [vacancy(role, null), ...holders.map((h) => holderEvidence(h, role))],
        },
  );
};

/** A role every unit of some kinds must have (3-3(1) Officers, 3-4(1) Managers, 3-5 Staff). */
const perUnitRole = (
  ctx: EvaluationContext,
  index: ReadonlyMap<string, Holding[]>,
  role: string,
  kinds: readonly string[],
): UnitFinding[] => {
  const name = roleName(role);
  return ctx.units
    .filter((u) => kinds.includes(u.kind))
    .map((unit): UnitFinding => {
      const holders = holdersIn(index, role, unit.id);
      return holders.length > 0
        ? {
            unitId: unit.id,
            status: 'met',
            reason: bi(`${name.ja}: ${namesOf(holders).ja}`, `${name.en}: ${namesOf(holders).en}`),
            evidence: holders.map((h) => holderEvidence(h, role)),
          }
        : {
            unitId: unit.id,
            status: 'notMet',
            reason: bi(`${name.ja}が未配置です。`, `No ${name.en}.`),
            evidence: [vacancy(role, unit)],
          };
    });
};

const contactOf = (h: Holding): boolean => (h.phone ?? '') !== '' || (h.email ?? '') !== '';

/** 3-2(6): every holder of the four roles reachable (a phone or an e-mail), no role missing. */
const contactChart = (ctx: EvaluationContext, index: ReadonlyMap<string, Holding[]>): ClauseFinding => {
  const entry = (role: string, unit: UnitRef | null): { status: UnitFinding['status']; items: EvidenceItem[]; reason: Bilingual } => {
    const holders = holdersIn(index, role, unit?.id ?? null);
    const name = roleName(role);
    if (holders.length === 0)
      return { status: 'notMet', items: [vacancy(role, unit)], reason: bi(`${name.ja}が未配置です。`, `No ${name.en}.`) };
    const unreachable = holders.filter((h) => !contactOf(h));
    const items = holders.map((h) =>
      contactOf(h)
        ? holderEvidence(h, role)
        : { ...holderEvidence(h, role), ok: false, label: bi(`${h.name}（${name.ja}）の連絡先が未登録`, `${h.name} (${name.en}) has no phone or e-mail`) },
    );
    return unreachable.length === 0
      ? { status: 'met', items, reason: bi(`${name.ja}の連絡先が登録されています。`, `The ${name.en} can be reached.`) }
      : {
          status: unreachable.length === holders.length ? 'notMet' : 'partlyMet',
          items,
          reason: bi(
            `${unreachable.map((h) => h.name).join('・')}の連絡先（電話・メール）が未登録です。`,
            `No phone or e-mail for ${unreachable.map((h) => h.name).join(', ')}.`,
          ),
        };
  };
  const top = [entry('ciso', null), entry('securityDirector', null)];
  const units: UnitFinding[] = ctx.units
    .filter((u) => officerUnitKinds.includes(u.kind) || managerUnitKinds.includes(u.kind))
    .map((u) => {
      const e = entry(officerUnitKinds.includes(u.kind) ? 'securityOfficer' : 'securityManager', u);
      return { unitId: u.id, status: e.status, reason: e.reason, evidence: e.items };
    });
  const finding = unitsFinding('3.2.6', bi('連絡体制（連絡先の登録）', 'Contact chart (contacts recorded)'), units);
  const topBad = top.filter((t) => t.status !== 'met');
  if (topBad.length === 0) return { ...finding, evidence: [...top.flatMap((t) => t.items), ...finding.evidence] };
  return {
    ...finding,
    status: finding.status === 'met' ? 'partlyMet' : finding.status === 'notYetEvaluable' ? 'notMet' : finding.status,
    reason: bi(
      `${topBad.map((t) => t.reason.ja).join('')}${finding.reason.ja}`,
      `${topBad.map((t) => t.reason.en).join(' ')} ${finding.reason.en}`,
    ),
    evidence: [...top.flatMap((t) => t.items), ...finding.evidence],
  };
};

/** The section 3-2(7) names: 医療情報課 (by its name, as the standard names it). */
const MEDICAL_INFORMATION_SECTION = '医療情報課';

/** 3-2(7): a delegation of the Director's matters, if any, goes to the head of 医療情報課. */
const delegation = (ctx: EvaluationContext, holdings: readonly Holding[], index: ReadonlyMap<string, Holding[]>): ClauseFinding => {
  const delegated = holdings.filter((h) => h.role === 'securityDirector' && h.via === 'delegation');
  const section = ctx.units.find((u) => u.nameJa === MEDICAL_INFORMATION_SECTION);
  const heads = new Set(section ? holdersIn(index, 'securityManager', section.id).map((h) => h.staffId) : []);
  if (delegated.length === 0)
    return {
      clauseId: '3.2.7',
      status: 'met',
      reason: bi(
        '委任は任意です。現在、委任はなく、統括情報セキュリティ責任者が自ら事務を処理しています。',
        'Delegation is optional; there is none today, and the Security Director handles the matters.',
      ),
      evidence: holdersIn(index, 'securityDirector', null).map((h) => holderEvidence(h, 'securityDirector')),
    };
  const wrong = delegated.filter((h) => !heads.has(h.staffId));
  const items = delegated.map((h) =>
    heads.has(h.staffId)
      ? holderEvidence(h, 'securityDirector')
      : { ...holderEvidence(h, 'securityDirector'), ok: false },
  );
  return wrong.length === 0
    ? {
        clauseId: '3.2.7',
        status: 'met',
        reason: bi(
          `統括情報セキュリティ責任者の事務を医療情報課長（${delegated.map((h) => h.name).join('・')}）に委任しています（${delegated.map((h) => `${h.startDate}〜${h.endDate ?? ''}`).join('、')}）。`,
          `The Security Director's matters are delegated to the head of 医療情報課 (${delegated.map((h) => h.name).join(', ')}).`,
        ),
        evidence: items,
      }
    : {
        clauseId: '3.2.7',
        status: 'notMet',
        reason: bi(
          `委任先（${wrong.map((h) => h.name).join('・')}）が医療情報課長ではありません。`,
          `The delegate (${wrong.map((h) => h.name).join(', ')}) is not the head of 医療情報課.`,
        ),
        evidence: items,
      };
};

/** 3-5(2): Security Staff are hospital employees (never contractors) in service today. */
const staffAreEmployees = (holdings: readonly Holding[]): ClauseFinding => {
  const staff = holdings.filter((h) => h.role === 'securityStaff');
  const contractors = staff.filter((h) => h.category === 'contractor');
  const items = staff.map((h) => (h.category === 'contractor' ? { ...holderEvidence(h, 'securityStaff'), ok: false } : holderEvidence(h, 'securityStaff')));
  if (staff.length === 0)
    return {
      clauseId: '3.5.2',
      status: 'notYetEvaluable',
      reason: bi('情報セキュリティ担当者がまだ指名されていません。', 'No Security Staff are named yet.'),
      evidence: [],
    };
  return contractors.length === 0
    ? {
        clauseId: '3.5.2',
        status: 'met',
        reason: bi(
          `情報セキュリティ担当者${String(staff.length)}名は全員が病院事業の職員です。`,
          `All ${String(staff.length)} Security Staff are hospital employees.`,
        ),
        evidence: items,
      }
    : {
        clauseId: '3.5.2',
        status: 'notMet',
        reason: bi(
          `委託事業者が情報セキュリティ担当者になっています: ${contractors.map((h) => h.name).join('・')}`,
          `Contractors hold the Security Staff role: ${contractors.map((h) => h.name).join(', ')}`,
        ),
        evidence: items,
      };
};

export const orgEvaluator: ClauseEvaluator = {
  id: 'org.roles',
  module: 'org',
  clauseIds: ['3.1', '3.2.1', '3.2.2', '3.2.3', '3.2.6', '3.2.7', '3.3.1', '3.4.1', '3.4.2', '3.5.1', '3.5.2'],
  evaluate: async (ctx) => {
    const holdings = await loadHoldings(ctx.db, ctx.asOf);
    const index = indexHoldings(holdings);
    const managers = perUnitRole(ctx, index, 'securityManager', managerUnitKinds);
    return [
      ...hospitalRole(['3.1'], 'ciso', index),
      ...hospitalRole(['3.2.1', '3.2.2', '3.2.3'], 'securityDirector', index),
      contactChart(ctx, index),
      delegation(ctx, holdings, index),
      unitsFinding(
        '3.3.1',
        bi('情報セキュリティ責任者の配置', 'Security Officers appointed'),
        perUnitRole(ctx, index, 'securityOfficer', officerUnitKinds),
      ),
      unitsFinding('3.4.1', bi('情報セキュリティ管理者の配置', 'Security Managers appointed'), managers),
      unitsFinding('3.4.2', bi('情報セキュリティ管理者の配置', 'Security Managers appointed'), managers),
      unitsFinding(
        '3.5.1',
        bi('情報セキュリティ担当者の指名', 'Security Staff named'),
        perUnitRole(ctx, index, 'securityStaff', managerUnitKinds),
      ),
      staffAreEmployees(holdings),
    ];
  },
};
