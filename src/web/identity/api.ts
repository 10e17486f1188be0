import { useQuery } from '@tanstack/react-query';
import type {
  DepartureView,
  IdentitySettingsBody,
  IdentitySettingsView,
  LockoutView,
  MfaFactorView,
  MySessionView,
} from '../../shared/api-types.js';
import { api } from '../api/client.js';
import type { CreationOptionsJSON, RequestOptionsJSON } from './webauthn-browser.js';

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

export const elevate = (
  password: string,
  proof: { code?: string; webauthn?: Record<string, unknown> },
): Promise<{ elevatedUntil: string }> =>
  api('/api/session/elevate', { method: 'POST', body: { password, ...proof } });

export interface TotpEnrolment {
  factorId: string;
  secret: string;
  uri: string;
  qrSvg: string;
}
export interface EnrolmentResult {
  factorId: string;
  recoveryCodes: string[] | null;
  signedIn: boolean;
}

export const useMyFactors = () =>
  useQuery({
    queryKey: ['identity', 'factors'],
    queryFn: () => api<{ factors: MfaFactorView[]; recoveryCodesLeft: number }>('/api/account/mfa'),
  });

export const startTotp = (label: string): Promise<TotpEnrolment> =>
  api('/api/account/mfa/totp', { method: 'POST', body: { label } });

export const confirmTotp = (factorId: string, code: string): Promise<EnrolmentResult> =>
  api('/api/account/mfa/totp/confirm', { method: 'POST', body: { factorId, code } });

export const webauthnRegistrationOptions = (): Promise<CreationOptionsJSON> =>
  api('/api/account/mfa/webauthn/options', { method: 'POST' });

export const registerWebauthn = (
  label: string,
  response: Record<string, unknown>,
): Promise<EnrolmentResult> =>
  api('/api/account/mfa/webauthn', { method: 'POST', body: { label, response } });

export const webauthnAuthenticationOptions = (): Promise<RequestOptionsJSON> =>
  api('/api/session/mfa/webauthn/options', { method: 'POST' });

export const submitSecondFactor = (proof: {
  code?: string;
  webauthn?: Record<string, unknown>;
}): Promise<undefined> => api('/api/session/mfa', { method: 'POST', body: proof });

export const removeFactor = (id: string): Promise<undefined> =>
  api(`/api/account/mfa/${encodeURIComponent(id)}/remove`, { method: 'POST' });

export const newRecoveryCodes = (): Promise<{ recoveryCodes: string[] }> =>
  api('/api/account/recovery-codes', { method: 'POST' });
