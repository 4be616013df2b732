import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLocale, type Locale } from '../i18n/setup';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('nav.language')}
      value={i18n.language === 'en' ? 'en' : 'es'}
      onChange={(value) => void changeLocale(value as Locale)}
      data={[
        { value: 'es', label: <span lang="es" title={t('language.es')}>ES</span> },
        { value: 'en', label: <span lang="en" title={t('language.en')}>EN</span> },
      ]}
      data-testid="language-switch"
    />
  );
}
