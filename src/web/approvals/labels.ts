import type { TFunction } from 'i18next';
import type { Bilingual } from '../../shared/api-types.js';
import type { Lang } from '../i18n/index.js';
import { roleLabel } from '../lib/labels.js';

/** Display names for the approvals codes the server sends; unknown codes (a newer server) show as sent. */
const requestStatuses = [
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
const stepStatuses = [
  'waiting',
  'pending',
  'approved',
  'rejected',
  'acknowledged',
  'skipped',
  'cancelled',
] as const;
const historyKinds = [
  'approvals_request_drafted',
  'approvals_request_submitted',
  'approvals_request_reported',
  'approvals_emergency_carriedOut',
  'approvals_emergency_reportOverdue',
  'approvals_step_activated',
  'approvals_step_decided',
  'approvals_step_reminded',
  'approvals_step_escalated',
  'approvals_request_approved',
  'approvals_request_rejected',
  'approvals_request_withdrawn',
  'approvals_request_expired',
  'approvals_request_acknowledged',
  'access_separationOverridden',
] as const;
const escalationReasons = ['conflict', 'vacant', 'overdue'] as const;
const emailStates = ['none', 'pending', 'sent', 'failed'] as const;

const has = <K extends string>(list: readonly K[], v: string): v is K =>
  (list as readonly string[]).includes(v);

export const statusLabel = (t: TFunction, s: string): string =>
  has(requestStatuses, s) ? t(`approvals.status.${s}`) : s;
export const stepStatusLabel = (t: TFunction, s: string): string =>
  has(stepStatuses, s) ? t(`approvals.stepStatus.${s}`) : s;
export const historyLabel = (t: TFunction, kind: string): string => {
  const key = kind.replaceAll('.', '_');
  return has(historyKinds, key) ? t(`approvals.history.${key}`) : kind;
};
export const escalationReasonLabel = (t: TFunction, r: string | null): string =>
  r !== null && has(escalationReasons, r) ? t(`approvals.request.escalationReason.${r}`) : (r ?? '');
export const emailLabel = (t: TFunction, e: string): string =>
  has(emailStates, e) ? t(`approvals.notifications.email.${e}`) : e;

export const statusColor = (s: string): string => {
  switch (s) {
    case 'approved':
    case 'acknowledged':
      return 'teal';
    case 'rejected':
    case 'expired':
      return 'red';
    case 'submitted':
    case 'reported':
    case 'pending':
      return 'blue';
    case 'carriedOut':
      return 'orange';
    default:
      return 'gray';
  }
};

export const bi = (text: Bilingual | null, lang: Lang): string => (text === null ? '' : text[lang]);

/** "Security Manager of 3階東病棟" / "3階東病棟 情報セキュリティ管理者". */
export const seatLabel = (t: TFunction, role: string, unitName: Bilingual | null, lang: Lang): string => {
  const r = roleLabel(t, role);
  if (unitName === null) return r;
  return lang === 'ja' ? `${unitName.ja} ${r}` : `${r}, ${unitName.en}`;
};
