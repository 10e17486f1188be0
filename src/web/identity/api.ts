import { useQuery } from '@tanstack/react-query';
import type { DepartureView, IdentitySettingsBody, IdentitySettingsView } from '../../shared/api-types.js';
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
