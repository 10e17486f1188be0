import { Alert, Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { roleLabel, unitName, viaLabel } from '../lib/labels.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { useCurrentSession } from './session.js';
import { SignInNotice } from './SignInNotice.js';

/** Greeting, unit, roles, and the notice of the previous sign-in and failures since (第7 2(2)). */
export function HomePage() {
  const { t, lang } = useLang();
  useTitle(t('nav.home'));
  const session = useCurrentSession();
  const location = useLocation();
  const { account } = session;
  const passwordChanged = (location.state as { passwordChanged?: boolean } | null)?.passwordChanged === true;

  return (
    <Stack gap="md" data-testid="home-page">
      {passwordChanged && (
        <Alert color="teal" variant="light" data-testid="password-changed" role="status">
          {t('password.done')}
        </Alert>
      )}
      <Title order={1} fz="h2" data-testid="home-greeting">
        {t('home.greeting', { name: account.displayName })}
      </Title>

      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <div>
            <Text fz="xs" c="dimmed">
              {t('home.unit')}
            </Text>
            {account.unit === null ? (
              <Text>{t('shell.noUnit')}</Text>
            ) : (
              <Anchor
                component={Link}
                to={`/org/units/${encodeURIComponent(account.unit.id)}`}
                data-testid="home-unit"
              >
                {unitName(account.unit, lang)}
              </Anchor>
            )}
          </div>
          <div>
            <Text fz="xs" c="dimmed">
              {t('home.roles')}
            </Text>
            {account.roles.length === 0 && account.systemRole === null ? (
              <Text fz="sm">{t('home.noRoles')}</Text>
            ) : (
              <Stack gap={4} data-testid="home-roles">
                {account.systemRole === 'administrator' && (
                  <Group gap="xs">
                    <Badge color="grape" variant="light">
                      {t('home.systemAdmin')}
                    </Badge>
                  </Group>
                )}
                {account.roles.map((r) => (
                  <Group key={`${r.role}-${r.unitId ?? ''}-${r.via}`} gap="xs" wrap="nowrap">
                    <Text fz="sm">
                      {t('home.roleAt', {
                        role: roleLabel(t, r.role),
                        unit:
                          r.unitNameJa === null
                            ? t('home.hospitalWide')
                            : unitName({ nameJa: r.unitNameJa, nameEn: r.unitNameEn ?? '' }, lang),
                      })}
                    </Text>
                    {r.via !== 'assignment' && (
                      <Badge size="sm" variant="outline" color="orange">
                        {viaLabel(t, r.via)}
                      </Badge>
                    )}
                  </Group>
                ))}
              </Stack>
            )}
          </div>
        </Stack>
      </Paper>

      <SignInNotice session={session} />
    </Stack>
  );
}
