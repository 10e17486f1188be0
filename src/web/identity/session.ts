import { useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { SessionView } from '../../shared/api-types.js';
import { api, isApiError, setCsrfToken } from '../api/client.js';
import { sessionKey } from '../api/query.js';

/** The signed-in session, or null when not signed in (401). */
export const fetchSession = async (): Promise<SessionView | null> => {
  try {
    const session = await api<SessionView>('/api/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
};

export const useSession = () =>
  useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 5 * 60_000 });

export const signIn = async (loginId: string, password: string): Promise<SessionView> => {
  const session = await api<SessionView>('/api/session', { method: 'POST', body: { loginId, password } });
  setCsrfToken(session.csrfToken);
  return session;
};

export const signOut = async (): Promise<void> => {
  try {
    await api<undefined>('/api/session', { method: 'DELETE' });
  } catch (e) {
    // Already signed out (401) is the state we wanted.
    if (!(isApiError(e) && e.status === 401)) throw e;
  } finally {
    setCsrfToken(null);
  }
};

export const changePassword = (currentPassword: string, newPassword: string): Promise<undefined> =>
  api<undefined>('/api/account/password', { method: 'POST', body: { currentPassword, newPassword } });

export const SessionContext = createContext<SessionView | null>(null);

/** The session inside the signed-in part of the app (RequireSession provides it). */
export const useCurrentSession = (): SessionView => {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useCurrentSession outside RequireSession');
  return session;
};
