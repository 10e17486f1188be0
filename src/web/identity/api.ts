import { useQuery } from '@tanstack/react-query';
import type {
  DepartureView,
  IdentitySettingsBody,
  IdentitySettingsView,
  LockoutView,
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
