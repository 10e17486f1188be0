import { useQuery } from '@tanstack/react-query';
import type {
  DirectoryGroupView,
  DirectoryRunSummaryView,
  DirectoryRunView,
  DirectorySettingsBody,
  DirectorySettingsView,
  OidcSettingsBody,
  OidcSettingsView,
  SsoInfoView,
} from '../../shared/directory-api-types.js';
import { api } from '../api/client.js';

export const directoryKeys = {
  settings: ['identity', 'directory', 'settings'] as const,
  runs: ['identity', 'directory', 'runs'] as const,
  run: (id: string) => ['identity', 'directory', 'runs', id] as const,
  groups: ['identity', 'directory', 'groups'] as const,
  oidc: ['identity', 'oidc', 'settings'] as const,
  sso: ['identity', 'sso'] as const,
};

export const useDirectorySettings = () =>
  useQuery({
    queryKey: directoryKeys.settings,
    queryFn: () => api<DirectorySettingsView>('/api/identity/directory'),
  });

export const saveDirectorySettings = (body: DirectorySettingsBody): Promise<DirectorySettingsView> =>
  api<DirectorySettingsView>('/api/identity/directory', { method: 'PUT', body });

export const runDirectorySync = (dryRun: boolean): Promise<DirectoryRunView> =>
  api<DirectoryRunView>('/api/identity/directory/runs', { method: 'POST', body: { dryRun } });

export const useDirectoryRuns = () =>
  useQuery({
    queryKey: directoryKeys.runs,
    queryFn: () => api<DirectoryRunSummaryView[]>('/api/identity/directory/runs'),
  });

export const useDirectoryRun = (id: string | null) =>
  useQuery({
    queryKey: directoryKeys.run(id ?? ''),
    queryFn: () => api<DirectoryRunView>(`/api/identity/directory/runs/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
  });

export const useDirectoryGroups = () =>
  useQuery({
    queryKey: directoryKeys.groups,
    queryFn: () => api<DirectoryGroupView[]>('/api/identity/directory/groups'),
  });

export const useOidcSettings = () =>
  useQuery({
    queryKey: directoryKeys.oidc,
    queryFn: () => api<OidcSettingsView>('/api/identity/oidc/settings'),
  });

export const saveOidcSettings = (body: OidcSettingsBody): Promise<OidcSettingsView> =>
  api<OidcSettingsView>('/api/identity/oidc/settings', { method: 'PUT', body });

/** Public: what the sign-in page offers besides the password. */
export const useSsoInfo = () =>
  useQuery({
    queryKey: directoryKeys.sso,
    queryFn: () => api<SsoInfoView>('/api/identity/sso'),
    staleTime: 60_000,
  });
