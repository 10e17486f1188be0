import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  AccountDetail,
  AccountPage,
  PersonnelEventView,
  PersonnelImportView,
  PrivilegedSystemView,
  ScimTokenView,
  SharedAccountView,
  SweepView,
} from '../../../shared/identity-admin-types.js';
import { api } from '../../api/client.js';

/** The account lifecycle's API: accounts, the personnel import, SCIM tokens, the sweep, the reports. */
export const lifecycleKeys = {
  all: ['identityAdmin'] as const,
  accounts: (filter: AccountFilter) => ['identityAdmin', 'accounts', filter] as const,
  account: (id: string) => ['identityAdmin', 'account', id] as const,
  events: ['identityAdmin', 'events'] as const,
  tokens: ['identityAdmin', 'scimTokens'] as const,
  sweep: ['identityAdmin', 'sweep'] as const,
  privileged: ['identityAdmin', 'privileged'] as const,
  shared: ['identityAdmin', 'shared'] as const,
};

export interface AccountFilter {
  q?: string;
  kind?: string;
  status?: string;
  privileged?: boolean;
  limit?: number;
  offset?: number;
}

const seg = encodeURIComponent;

export const useAccounts = (filter: AccountFilter) =>
  useQuery({
    queryKey: lifecycleKeys.accounts(filter),
    queryFn: () => api<AccountPage>('/api/identity/accounts', { query: { ...filter } }),
    placeholderData: keepPreviousData,
  });

export const useAccount = (id: string) =>
  useQuery({
    queryKey: lifecycleKeys.account(id),
    queryFn: () => api<AccountDetail>(`/api/identity/accounts/${seg(id)}`),
  });

export const accountAction = (
  id: string,
  action: 'disable' | 'enable' | 'temporary-password',
  reason: string,
): Promise<{ temporaryPassword?: string }> =>
  api(`/api/identity/accounts/${seg(id)}/${action}`, { method: 'POST', body: { reason } });

export const setPrivilege = (
  id: string,
  body: { privileged: boolean; systemName: string | null; reason: string },
): Promise<unknown> => api(`/api/identity/accounts/${seg(id)}/privilege`, { method: 'POST', body });

export const changeSharedUsers = (
  id: string,
  body: { add: string[]; remove: string[]; reason: string },
): Promise<unknown> => api(`/api/identity/shared-accounts/${seg(id)}/users`, { method: 'POST', body });

export interface Created {
  id: string;
  loginId: string;
  temporaryPassword: string;
}

export const createDevelopmentAccount = (body: {
  loginId: string;
  ownerEmployeeNumber: string;
  systemName: string;
  purpose: string;
  endDate: string;
  privileged: boolean;
}): Promise<Created> => api('/api/identity/development-accounts', { method: 'POST', body });

export const createSharedAccount = (body: {
  loginId: string;
  displayName: string;
  purpose: string;
  unitCode: string;
  users: string[];
}): Promise<Created> => api('/api/identity/shared-accounts', { method: 'POST', body });

export interface PersonnelFile {
  format: 'csv' | 'xlsx';
  contentBase64: string;
  fileName?: string;
}

export const importPersonnel = (dryRun: boolean, body: PersonnelFile): Promise<PersonnelImportView> =>
  api('/api/identity/personnel/import', { method: 'POST', body, query: { dryRun } });

export const usePersonnelEvents = () =>
  useQuery({
    queryKey: lifecycleKeys.events,
    queryFn: () => api<PersonnelEventView[]>('/api/identity/personnel/events', { query: { limit: 50 } }),
  });

export const useScimTokens = (enabled: boolean) =>
  useQuery({
    queryKey: lifecycleKeys.tokens,
    queryFn: () => api<ScimTokenView[]>('/api/identity/scim-tokens'),
    enabled,
  });

export const issueScimToken = (name: string): Promise<{ id: string; name: string; token: string }> =>
  api('/api/identity/scim-tokens', { method: 'POST', body: { name } });

export const revokeScimToken = (id: string, reason: string): Promise<unknown> =>
  api(`/api/identity/scim-tokens/${seg(id)}/revoke`, { method: 'POST', body: { reason } });

export const useSweep = () =>
  useQuery({ queryKey: lifecycleKeys.sweep, queryFn: () => api<SweepView>('/api/identity/sweep') });

export const runSweep = (): Promise<{ id: string; candidates: number }> =>
  api('/api/identity/sweep', { method: 'POST', body: {} });

export const decideSweep = (body: {
  itemIds: string[];
  decision: 'disable' | 'keep';
  note: string | null;
}): Promise<{ decided: number }> => api('/api/identity/sweep/decisions', { method: 'POST', body });

export const usePrivilegedHolders = () =>
  useQuery({
    queryKey: lifecycleKeys.privileged,
    queryFn: () => api<PrivilegedSystemView[]>('/api/identity/privileged-holders'),
  });

export const useSharedAccounts = () =>
  useQuery({
    queryKey: lifecycleKeys.shared,
    queryFn: () => api<SharedAccountView[]>('/api/identity/shared-accounts'),
  });

/** The personnel file's columns, to name a field of an issue as the file's header does. */
const personnelColumns: Readonly<Record<string, { ja: string; en: string }>> = {
  kind: { ja: '異動区分', en: 'Kind' },
  employeeNumber: { ja: '職員番号', en: 'Employee number' },
  effectiveDate: { ja: '発効日', en: 'Effective date' },
  nameKanji: { ja: '氏名', en: 'Name' },
  nameKana: { ja: '氏名（カナ）', en: 'Name (kana)' },
  employment: { ja: '雇用形態', en: 'Employment' },
  category: { ja: '区分', en: 'Category' },
  organization: { ja: '所属会社', en: 'Company' },
  unitCode: { ja: '所属部署コード', en: 'Unit code' },
  positionCode: { ja: '職位コード', en: 'Position code' },
  email: { ja: 'メールアドレス', en: 'E-mail' },
  phone: { ja: '電話番号', en: 'Phone' },
  loginId: { ja: 'ログインID', en: 'Login ID' },
  returnDate: { ja: '復職予定日', en: 'Return date' },
  note: { ja: '備考', en: 'Note' },
};

export const personnelFieldLabel = (field: string, lang: 'ja' | 'en'): string => {
  const column = personnelColumns[field.replace(/^personnel\./, '')];
  return column === undefined ? field : column[lang];
};
