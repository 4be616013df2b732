import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
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
 * Spanish (the default and the fallback) is in the first download; English is loaded when chosen
 * (`loadLocale`), so a slow link does not carry both languages to the sign-in page.
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
    },
  });
  document.documentElement.lang = locale;
  return i18next;
}

const NAMESPACES = ['ui', 'codes', 'errors', 'validation'] as const;

/** Makes sure the catalogues of `locale` are loaded (English comes in its own chunk). */
export async function loadLocale(locale: Locale) {
  if (locale === 'es' || i18next.hasResourceBundle('en', 'ui')) return;
  const { english } = await import('./english');
  for (const ns of NAMESPACES) i18next.addResourceBundle('en', ns, english[ns], true, true);
}

/** Starts i18n in the stored language, its catalogues loaded, before the first render. */
export async function startI18n() {
  const locale = storedLocale();
  const instance = setupI18n('es');
  if (locale !== 'es') {
    await loadLocale(locale);
    await instance.changeLanguage(locale);
    document.documentElement.lang = locale;
  }
  return instance;
}

export async function changeLocale(locale: Locale) {
  await loadLocale(locale);
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = locale;
  await i18next.changeLanguage(locale);
}

export const currentLocale = (): Locale => (i18next.language === 'en' ? 'en' : 'es');
