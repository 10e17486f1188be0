import {
  AppShell,
  Box,
  Burger,
  Button,
  Group,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { sessionKey } from '../api/query.js';
import { assetsNav } from '../assets/nav.js';
import { facilitiesNav } from '../facilities/nav.js';
import { identityNav } from '../identity/nav.js';
import { PrivilegeBadge } from '../identity/PrivilegeBadge.js';
import { complianceNav } from '../policy/nav.js';
import { ledgerNav } from '../ledger/nav.js';
import { signOut, useCurrentSession } from '../identity/session.js';
import { unitName } from '../lib/labels.js';
import { ApiErrorAlert, PageLoader } from './ApiErrorAlert.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { useLang } from './useLang.js';

interface NavItem {
  to: string;
  label: string;
  testId: string;
  /** Also active on these path prefixes. */
  also?: string[];
}

const isActive = (pathname: string, item: NavItem): boolean =>
  pathname === item.to || (item.also ?? []).some((prefix) => pathname.startsWith(prefix));

export function AppLayout() {
  const { t, lang } = useLang();
  const session = useCurrentSession();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, { toggle, close }] = useDisclosure(false);
  const [signOutError, setSignOutError] = useState<unknown>(null);
  const restricted = session.account.mustChangePassword;
  const unit = session.account.unit;

  const onSignOut = async () => {
    setSignOutError(null);
    try {
      await signOut();
    } catch (e) {
      setSignOutError(e);
      return;
    }
    queryClient.clear();
    queryClient.setQueryData(sessionKey, null);
    await navigate('/signin', { replace: true });
  };

  const home: NavItem = { to: '/', label: t('nav.home'), testId: 'nav-home' };
  const approvals: NavItem[] = [
    { to: '/approvals/tasks', label: t('approvals.nav.tasks'), testId: 'nav-approvals-tasks' },
    {
      to: '/approvals/requests',
      label: t('approvals.nav.mine'),
      testId: 'nav-approvals-mine',
      also: ['/approvals/requests/'],
    },
    { to: '/approvals/new', label: t('approvals.nav.new'), testId: 'nav-approvals-new' },
    {
      to: '/approvals/notifications',
      label: t('approvals.nav.notifications'),
      testId: 'nav-approvals-notifications',
    },
  ];
  const org: NavItem[] = [
    { to: '/org', label: t('nav.orgTree'), testId: 'nav-org', also: ['/org/units/'] },
    { to: '/org/gaps', label: t('nav.gaps'), testId: 'nav-org-gaps' },
    { to: '/org/contact-chart', label: t('nav.contactChart'), testId: 'nav-org-chart' },
    { to: '/org/import', label: t('nav.importExport'), testId: 'nav-org-import' },
  ];
  const identity: NavItem[] = identityNav(session, t);
  const compliance: NavItem[] = complianceNav(session, t);
  const assets: NavItem[] = assetsNav(session, t);
  const facilities: NavItem[] = facilitiesNav(session, t);
  const ledger: NavItem[] = ledgerNav(session, t);
  const link = (item: NavItem) => (
    <NavLink
      key={item.to}
      component={Link}
      to={item.to}
      label={item.label}
      active={isActive(pathname, item)}
      data-testid={item.testId}
      onClick={close}
    />
  );

  // The sign-in's second step is not done yet: nothing but the password change opens before it (第7 2(1)ウ(エ)).
  if (session.stage === 'mfa' || (session.stage === 'enrol' && pathname !== '/password'))
    return <Navigate to="/mfa" replace />;

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened, desktop: restricted } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {!restricted && (
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('shell.openMenu')}
              />
            )}
            <UnstyledButton component={Link} to="/" data-testid="app-name">
              <Text fw={700} fz="lg" c="teal.8" span>
                守り
              </Text>{' '}
              <Text fz="sm" c="dimmed" span>
                Mamori
              </Text>
            </UnstyledButton>
          </Group>
          <Group gap="md" wrap="nowrap">
            <Box visibleFrom="md" ta="right" data-testid="header-person">
              <Text fz="sm" fw={600} lh={1.3}>
                {session.account.displayName}
              </Text>
              <Text fz="xs" c="dimmed" lh={1.3}>
                {unit === null ? t('shell.noUnit') : unitName(unit, lang)}
              </Text>
            </Box>
            <PrivilegeBadge />
            <LanguageSwitch />
            <Button size="xs" variant="default" onClick={() => void onSignOut()} data-testid="sign-out">
              {t('shell.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        <ScrollArea>
          <Stack gap={2}>
            {link(home)}
            <Text fz="xs" fw={700} c="dimmed" px="sm" pt="md" pb={4} data-testid="nav-section-approvals">
              {t('approvals.nav.section')}
            </Text>
            {approvals.map(link)}
            <Text fz="xs" fw={700} c="dimmed" px="sm" pt="md" pb={4} data-testid="nav-section-org">
              {t('nav.org')}
            </Text>
            {org.map(link)}
            <Text fz="xs" fw={700} c="dimmed" px="sm" pt="md" pb={4} data-testid="nav-section-assets">
              {t('assets.nav.section')}
            </Text>
            {assets.map(link)}
            <Text fz="xs" fw={700} c="dimmed" px="sm" pt="md" pb={4} data-testid="nav-section-facilities">
              {t('facilities.nav.section')}
            </Text>
            {facilities.map(link)}
            {compliance.length > 0 && (
              <Text fz="xs" fw={700} c="dimmed" px="sm" pt="md" pb={4} data-testid="nav-section-compliance">
                {t('compliance.nav.section')}
              </Text>
            )}
            {compliance.map(link)}
            {ledger.length > 0 && (
              <Text fz="xs" fw={700} c="dimmed" px="sm" pt="md" pb={4} data-testid="nav-section-ledger">
                {t('ledger.nav.section')}
              </Text>
            )}
            {ledger.map(link)}
            {identity.length > 0 && (
              <Text fz="xs" fw={700} c="dimmed" px="sm" pt="md" pb={4} data-testid="nav-section-identity">
                {t('identity.nav.section')}
              </Text>
            )}
            {identity.map(link)}
          </Stack>
        </ScrollArea>
      </AppShell.Navbar>

      <AppShell.Main>
        <Box maw={1200}>
          {signOutError !== null && <ApiErrorAlert error={signOutError} />}
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
