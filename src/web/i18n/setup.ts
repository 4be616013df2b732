import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import enCodes from '../../i18n/en/codes';
import enErrors from '../../i18n/en/errors';
import enUi from '../../i18n/en/ui';
import enValidation from '../../i18n/en/validation';
import esCodes from '../../i18n/es/codes';
import esErrors from '../../i18n/es/errors';
import esUi from '../../i18n/es/ui';
import esValidation from '../../i18n/es/validation';
import { flatten } from './flatten';

export type Locale = 'es' | 'en';
const STORAGE_KEY = 'reta.locale';

export function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'es';
  } catch {
    return 'es';
  }
}

/**
 * One i18next instance with four namespaces: ui (screens), codes (code-list labels), errors and
 * validation (the server's own catalogues, so a message reads the same wherever it is shown).
 * Keys are flat (`case.list.title`, `validation.failed`): the server's keys contain dots.
 */
export function setupI18n(locale: Locale = storedLocale()) {
  if (i18next.isInitialized) return i18next;
  void i18next.use(initReactI18next).init({
    lng: locale,
    fallbackLng: 'es',
    ns: ['ui', 'codes', 'errors', 'validation'],
    defaultNS: 'ui',
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    resources: {
      es: { ui: flatten(esUi), codes: flatten(esCodes), errors: esErrors, validation: esValidation },
      en: { ui: flatten(enUi), codes: flatten(enCodes), errors: enErrors, validation: enValidation },
    },
  });
  document.documentElement.lang = locale;
  return i18next;
}

export async function changeLocale(locale: Locale) {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = locale;
  await i18next.changeLanguage(locale);
}

export const currentLocale = (): Locale => (i18next.language === 'en' ? 'en' : 'es');
