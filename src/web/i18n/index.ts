import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { ja } from './ja.js';

export const languages = ['ja', 'en'] as const;
export type Lang = (typeof languages)[number];
export const defaultLang: Lang = 'ja';
const storageKey = 'mamori.lang';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof ja };
  }
}

export const isLang = (value: unknown): value is Lang => value === 'ja' || value === 'en';

/** The saved language, or Japanese. */
export const storedLang = (): Lang => {
  try {
    const saved = localStorage.getItem(storageKey);
    return isLang(saved) ? saved : defaultLang;
  } catch {
    return defaultLang;
  }
};

const applyLang = (lang: Lang): void => {
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    // Storage may be disabled by policy; the choice then lasts for this page only.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
};

/** Initialises i18next once, with both languages bundled (nothing is fetched at run time). */
export const initI18n = async (): Promise<typeof i18next> => {
  const lng = storedLang();
  await i18next.use(initReactI18next).init({
    resources: { ja: { translation: ja }, en: { translation: en } },
    lng,
    fallbackLng: defaultLang,
    supportedLngs: [...languages],
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  applyLang(lng);
  i18next.on('languageChanged', (next) => applyLang(isLang(next) ? next : defaultLang));
  return i18next;
};

export const currentLang = (language: string | undefined): Lang =>
  isLang(language) ? language : defaultLang;
