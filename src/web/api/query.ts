import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './client.js';

export const sessionKey = ['session'] as const;

/**
 * One QueryClient for the app. A 401 from any call means the session ended (timeout, revoked, signed out elsewhere):
 * the session is cleared and the guard sends the person to sign in. A 403 passwordChangeRequired means the session
 * now requires a new password: the session is re-read and the guard routes to /password.
 */
export const createQueryClient = (): QueryClient => {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (e, query) => onError(e, query.queryKey) }),
    mutationCache: new MutationCache({ onError: (e) => onError(e, null) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, e) => !(isApiError(e) && e.status >= 400 && e.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
  const onError = (e: unknown, key: readonly unknown[] | null): void => {
    if (key !== null && key[0] === sessionKey[0]) return;
    if (isApiError(e) && e.status === 401 && e.code !== 'invalidCredentials')
      client.setQueryData(sessionKey, null);
    if (isApiError(e, 'passwordChangeRequired')) void client.invalidateQueries({ queryKey: sessionKey });
  };
  return client;
};
