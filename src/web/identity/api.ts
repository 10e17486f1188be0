import { useQuery } from '@tanstack/react-query';
import type {
  DepartureView,
  IdentitySettingsBody,
  IdentitySettingsView,
  LockoutView,
  MySessionView,
} from '../../shared/api-types.js';
import { api } from '../api/client.js';

export const identityKeys = {
  settings: ['identity', 'settings'] as const,
};

export const useIdentitySettings = () =>
  useQuery({
    queryKey: identityKeys.settings,
    queryFn: () => api<IdentitySettingsView>('/api/identity/settings'),
  });

export interface SettingsPreview {
  departures: { standard: DepartureView[]; privileged: DepartureView[] };
  problems: { field: string; message: { ja: string; en: string } }[];
}

export const previewSettings = (body: IdentitySettingsBody): Promise<SettingsPreview> =>
  api<SettingsPreview>('/api/identity/settings/preview', { method: 'POST', body });

export const saveSettings = (body: IdentitySettingsBody): Promise<IdentitySettingsView> =>
  api<IdentitySettingsView>('/api/identity/settings', { method: 'PUT', body });

export const useLockouts = () =>
  useQuery({
    queryKey: ['identity', 'lockouts'],
    queryFn: () => api<LockoutView[]>('/api/identity/lockouts'),
  });

export const unlockAccount = (accountId: string, reason: string): Promise<{ released: number }> =>
  api('/api/identity/lockouts/account', { method: 'POST', body: { accountId, reason } });

export const unlockAddress = (ip: string, reason: string): Promise<{ released: number }> =>
  api('/api/identity/lockouts/address', { method: 'POST', body: { ip, reason } });

export const useMySessions = () =>
  useQuery({
    queryKey: ['identity', 'my-sessions'],
    queryFn: () => api<MySessionView[]>('/api/account/sessions'),
  });

export const endSessions = (body: { ref?: string; others?: boolean }): Promise<{ ended: number }> =>
  api('/api/account/sessions/end', { method: 'POST', body });

export const reportSignIn = (attemptId: string, note: string | null): Promise<{ reportId: string }> =>
  api('/api/account/sign-in-reports', { method: 'POST', body: { attemptId, note } });

export const elevate = (password: string, code: string | null): Promise<{ elevatedUntil: string }> =>
  api('/api/session/elevate', { method: 'POST', body: { password, code } });
