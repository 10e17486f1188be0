import { Badge } from '@mantine/core';
import { Link } from 'react-router';
import { useLang } from '../shell/useLang.js';
import { useCurrentSession } from './session.js';

/** In the header of a privileged ID: whether its administrator rights are on now, and until when (第7 2(4)). */
export function PrivilegeBadge() {
  const { t } = useLang();
  const session = useCurrentSession();
  if (!session.privileged) return null;
  const until = session.elevatedUntil;
  return (
    <Badge
      component={Link}
      to="/identity/security"
      color={until === null ? 'gray' : 'grape'}
      variant={until === null ? 'outline' : 'filled'}
      data-testid="privilege-badge"
    >
      {until === null
        ? t('identity.security.notElevatedBadge')
        : t('identity.security.elevatedBadge', {
            time: new Date(until).toLocaleTimeString('ja-JP', {
              hour: '2-digit',
              minute: '2-digit',
              timeZone: 'Asia/Tokyo',
            }),
          })}
    </Badge>
  );
}
