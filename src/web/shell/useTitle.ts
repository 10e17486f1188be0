import { useEffect } from 'react';
import { useLang } from './useLang.js';

/** Sets the browser tab title: "<page> | 守り Mamori". */
export const useTitle = (title: string): void => {
  const { t } = useLang();
  const app = `${t('app.name')} ${t('app.latin')}`;
  useEffect(() => {
    document.title = title === '' ? app : `${title} | ${app}`;
  }, [title, app]);
};
