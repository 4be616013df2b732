import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import esAuthErrors from '../../i18n/es/errors/auth';
import esCoreErrors from '../../i18n/es/errors/core';
import esShell from '../../i18n/es/ui/shell';
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
 * Spanish (the default and the fallback) is in the first download only as far as the sign-in page needs
 * it (the shell's texts, the sign-in and general errors, validation); the rest comes with the signed-in
 * shell (`loadSpanishRest`). English is loaded whole when chosen (`loadLocale`), so a slow link does not
 * carry both languages, nor every screen's texts, to the sign-in page.
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
      es: { ui: flatten(esShell), codes: {}, errors: { ...esCoreErrors, ...esAuthErrors }, validation: esValidation },
    },
  });
  document.documentElement.lang = locale;
  return i18next;
}

const NAMESPACES = ['ui', 'codes', 'errors', 'validation'] as const;

/** Adds catalogues to the loaded ones (merged key by key, later wins). */
export function addCatalogues(locale: Locale, bundles: Partial<Record<(typeof NAMESPACES)[number], Record<string, string>>>) {
  for (const [ns, bundle] of Object.entries(bundles)) i18next.addResourceBundle(locale, ns, bundle, true, true);
}

let spanishRest: Promise<void> | null = null;
/** The Spanish texts of every screen past the sign-in page: loaded once, before the signed-in shell renders. */
export const loadSpanishRest = () => (spanishRest ??= import('./spanish-rest').then((m) => addCatalogues('es', m.spanishRest)));

/** Makes sure the catalogues of `locale` are loaded (English comes in its own chunk). */
export async function loadLocale(locale: Locale) {
  if (locale === 'es' || i18next.hasResourceBundle('en', 'ui')) return;
  const { english } = await import('./english');
  addCatalogues('en', english);
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
