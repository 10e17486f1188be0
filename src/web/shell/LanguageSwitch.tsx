import { SegmentedControl } from '@mantine/core';
import { isLang } from '../i18n/index.js';
import { useLang } from './useLang.js';

/** 日本語 / English; the choice is saved in localStorage and sets <html lang> (see i18n/index.ts). */
export function LanguageSwitch() {
  const { t, lang, i18n } = useLang();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('lang.label')}
      data-testid="lang-switch"
      value={lang}
      onChange={(value) => {
        if (isLang(value)) void i18n.changeLanguage(value);
      }}
      data={[
        { value: 'ja', label: <span lang="ja">{t('lang.ja')}</span> },
        { value: 'en', label: <span lang="en">{t('lang.en')}</span> },
      ]}
    />
  );
}
