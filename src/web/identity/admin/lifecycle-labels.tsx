import { Badge } from '@mantine/core';
import type { TFunction } from 'i18next';
import type {
  AccountKindCode,
  AccountStatusCode,
  PersonnelKindCode,
} from '../../../shared/identity-admin-types.js';

const statusColor: Record<AccountStatusCode, string> = {
  active: 'teal',
  pending: 'blue',
  locked: 'red',
  disabled: 'gray',
  expired: 'orange',
};

const disabledReasons = [
  'notStarted',
  'leave',
  'retired',
  'developmentEnded',
  'sweep',
  'manual',
  'hrSystem',
  'hrDeleted',
  'directoryDisabled',
  'directoryRemoved',
  'deregistered',
] as const;
const eventStatuses = ['scheduled', 'applied', 'unchanged', 'cancelled'] as const;

const has = <K extends string>(list: readonly K[], v: string): v is K =>
  (list as readonly string[]).includes(v);

/** Codes the server sends, in the reader's language (unknown codes as sent). */
export const disabledReasonLabel = (t: TFunction, reason: string | null): string =>
  reason === null ? '' : has(disabledReasons, reason) ? t(`identityAdmin.disabledReason.${reason}`) : reason;
export const eventStatusLabel = (t: TFunction, status: string): string =>
  has(eventStatuses, status) ? t(`identityAdmin.eventStatus.${status}`) : status;
export const eventKindLabel = (t: TFunction, kind: PersonnelKindCode): string =>
  t(`identityAdmin.eventKind.${kind}`);

export function StatusBadge({ t, status }: { t: TFunction; status: AccountStatusCode }) {
  return (
    <Badge color={statusColor[status]} variant="light" data-testid="account-status">
      {t(`identityAdmin.status.${status}`)}
    </Badge>
  );
}

export function KindBadge({ t, kind }: { t: TFunction; kind: AccountKindCode }) {
  return (
    <Badge color={kind === 'personal' ? 'gray' : kind === 'shared' ? 'yellow' : 'cyan'} variant="outline">
      {t(`identityAdmin.kind.${kind}`)}
    </Badge>
  );
}

export function ClassBadge({ t, privileged }: { t: TFunction; privileged: boolean }) {
  return privileged ? (
    <Badge color="grape">{t('identityAdmin.profileClass.privileged')}</Badge>
  ) : (
    <Badge color="gray" variant="light">
      {t('identityAdmin.profileClass.standard')}
    </Badge>
  );
}
