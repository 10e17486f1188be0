import { Center, Container } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { SessionContext, useSession } from '../identity/session.js';
import { ApiErrorAlert, PageLoader } from './ApiErrorAlert.js';
import { AppLayout } from './AppLayout.js';

/**
 * The signed-in part of the app. Not signed in → /signin (remembering where the person was going). A temporary
 * password not yet changed → /password, whatever page was asked for (第7 2(3)イ); the server refuses every other
 * call with 403 passwordChangeRequired anyway.
 */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <PageLoader />;
  if (session.isError) {
    return (
      <Container size="sm" py="xl">
        <ApiErrorAlert error={session.error} onRetry={() => void session.refetch()} />
      </Container>
    );
  }
  if (session.data === null) {
    return <Navigate to="/signin" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  if (session.data.account.mustChangePassword && location.pathname !== '/password') {
    return <Navigate to="/password" replace />;
  }
  return (
    <SessionContext.Provider value={session.data}>
      <AppLayout />
    </SessionContext.Provider>
  );
}

export function CenteredPage({ children }: { children: ReactNode }) {
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      {children}
    </Center>
  );
}
