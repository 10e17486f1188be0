import type { Principal } from './principal.js';
import type { Duty, Resource, Rule } from './rules.js';

/**
 * 第3 7 兼務の禁止, declared once: who applies for or prepares a request does not approve it, who is audited does
 * not audit, who changes does not verify the change (7-1(4)ウ). These pure functions are the whole rule; the engine
 * applies them through the forbid rules below, so no module re-codes them.
 */
export type DutyRecord = Pick<Resource, 'applicantId' | 'preparerId' | 'changerId' | 'auditedUnitIds'>;

const isSelf = (principal: Principal, id: string | null | undefined): boolean =>
  id !== null && id !== undefined && principal.personIds.includes(id);

/** 第3 7(1): the applicant, or whoever prepared the request for them, would approve it. */
export const approvesOwnRequest = (principal: Principal, record: DutyRecord): boolean =>
  isSelf(principal, record.applicantId) || isSelf(principal, record.preparerId);

/** 第3 7(2): the auditor belongs to, or holds a role for, a unit under audit. */
export const auditsOwnUnit = (principal: Principal, record: DutyRecord): boolean => {
  const audited = record.auditedUnitIds;
  if (audited === undefined || audited.length === 0) return false;
  if (principal.unitId !== null && audited.includes(principal.unitId)) return true;
  for (const unitId of principal.unitRoles.keys()) if (audited.includes(unitId)) return true;
  return false;
};

/** 7-1(4)ウ with 第3 7: whoever made a change would verify it. */
export const verifiesOwnChange = (principal: Principal, record: DutyRecord): boolean =>
  isSelf(principal, record.changerId);

export const conflictOfDuty: Readonly<Record<Duty, (principal: Principal, record: DutyRecord) => boolean>> = {
  approve: approvesOwnRequest,
  audit: auditsOwnUnit,
  verify: verifiesOwnChange,
};

/** The actions that perform each duty: the approvals engine, audits and change verification use these names. */
export const dutyActions = {
  approve: ['request.approve'],
  audit: ['audit.perform'],
  verify: ['change.verify'],
} as const satisfies Record<Duty, readonly string[]>;

/** The forbid rules of 第3 7. Overridable ("やむを得ない場合を除き") and reported. */
export const separationRules: readonly Rule[] = [
  {
    id: 'sod.approveOwnRequest',
    effect: 'forbid',
    actions: dutyActions.approve,
    when: [{ kind: 'conflictOfDuty', duty: 'approve' }],
    reportDenial: true,
    overridable: true,
    clause: '3.7.1',
    description: {
      ja: '申請者本人または申請を作成した者は、その申請を承認・許可できない（第3 7(1)）。',
      en: 'No one approves a request they made or prepared (第3 7(1)).',
    },
  },
  {
    id: 'sod.auditOwnUnit',
    effect: 'forbid',
    actions: dutyActions.audit,
    when: [{ kind: 'conflictOfDuty', duty: 'audit' }],
    reportDenial: true,
    overridable: true,
    clause: '3.7.2',
    description: {
      ja: '監査を受ける部署の者は、その部署を監査できない（第3 7(2)）。',
      en: 'No one audits their own unit (第3 7(2)).',
    },
  },
  {
    id: 'sod.verifyOwnChange',
    effect: 'forbid',
    actions: dutyActions.verify,
    when: [{ kind: 'conflictOfDuty', duty: 'verify' }],
    reportDenial: true,
    overridable: true,
    clause: '7.1.4.c',
    description: {
      ja: '変更作業を行った者は、その作業を確認できない（第7 1(4)ウ、第3 7）。',
      en: 'No one verifies their own change (第7 1(4)ウ, 第3 7).',
    },
  },
];
