import type { Role } from '../access/index.js';
import type { Bilingual } from '../errors/index.js';

/** Role names as in the glossary, for notifications, e-mails and the printed decision record. */
export const roleNames: Readonly<Record<Role, Bilingual>> = {
  ciso: { ja: '最高情報統括責任者', en: 'CISO' },
  securityDirector: { ja: '統括情報セキュリティ責任者', en: 'Security Director' },
  securityOfficer: { ja: '情報セキュリティ責任者', en: 'Security Officer' },
  securityManager: { ja: '情報セキュリティ管理者', en: 'Security Manager' },
  securityStaff: { ja: '情報セキュリティ担当者', en: 'Security Staff' },
  committee: { ja: '情報化推進会議', en: 'IT Steering Committee' },
  auditLead: { ja: '情報セキュリティ監査統括責任者', en: 'Audit Lead' },
  auditor: { ja: '監査を行う者', en: 'Auditor' },
  personnelOffice: { ja: '人事管理部門', en: 'Personnel Office' },
  facilitiesOffice: { ja: '施設管理部門', en: 'Facilities Office' },
};

export const roleName = (role: string): Bilingual =>
  (roleNames as Readonly<Record<string, Bilingual | undefined>>)[role] ?? { ja: role, en: role };

export const requestStatuses = [
  'draft',
  'submitted',
  'approved',
  'rejected',
  'withdrawn',
  'expired',
  'carriedOut',
  'reported',
  'acknowledged',
] as const;
export type RequestStatus = (typeof requestStatuses)[number];

export const statusNames: Readonly<Record<RequestStatus, Bilingual>> &
  Readonly<Record<string, Bilingual | undefined>> = {
  draft: { ja: '下書き', en: 'Draft' },
  submitted: { ja: '申請中', en: 'Submitted' },
  approved: { ja: '承認', en: 'Approved' },
  rejected: { ja: '却下', en: 'Rejected' },
  withdrawn: { ja: '取下げ', en: 'Withdrawn' },
  expired: { ja: '期限切れ', en: 'Expired' },
  carriedOut: { ja: '実施済み（報告前）', en: 'Carried out (not yet reported)' },
  reported: { ja: '事後報告済み', en: 'Reported' },
  acknowledged: { ja: '確認済み', en: 'Acknowledged' },
};

export const stepStatuses = [
  'waiting',
  'pending',
  'approved',
  'rejected',
  'acknowledged',
  'skipped',
  'cancelled',
] as const;
export type StepStatus = (typeof stepStatuses)[number];

/** The printed decision words of a 決裁欄. */
export const decisionNames: Readonly<Record<'approved' | 'rejected' | 'acknowledged', Bilingual>> &
  Readonly<Record<string, Bilingual | undefined>> = {
  approved: { ja: '承認', en: 'Approved' },
  rejected: { ja: '却下', en: 'Rejected' },
  acknowledged: { ja: '確認', en: 'Acknowledged' },
};

/** "代決" marks: a decision by a delegate (3-2(7)) or an acting holder on the holder's behalf. */
export const viaNames: Readonly<Record<'assignment' | 'delegation' | 'acting', Bilingual>> = {
  assignment: { ja: '本人', en: 'Holder' },
  delegation: { ja: '委任による代決', en: 'Decided by delegate' },
  acting: { ja: '代理による代決', en: 'Decided by acting holder' },
};
