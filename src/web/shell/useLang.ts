import { useTranslation } from 'react-i18next';
import { currentLang } from '../i18n/index.js';

/** t, the current language ('ja' | 'en') and i18n, for components. */
export const useLang = () => {
  const { t, i18n } = useTranslation();
  return { t, i18n, lang: currentLang(i18n.resolvedLanguage ?? i18n.language) };
};
