import enErrors from './en/errors';
import enValidation from './en/validation';
import esErrors from './es/errors';
import esValidation from './es/validation';

export type Locale = 'es' | 'en';
export const defaultLocale: Locale = 'es';

const catalogues = {
  es: { errors: esErrors, validation: esValidation },
  en: { errors: enErrors, validation: enValidation },
} as const;

function interpolate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{\{(\w+)\}\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** Server-side messages (errors and validation); the web app reads the same files through i18next. */
export function translate(locale: Locale, namespace: 'errors' | 'validation', key: string, params?: Record<string, string | number>): string | undefined {
  const template = catalogues[locale][namespace][key] ?? catalogues[defaultLocale][namespace][key];
  return template === undefined ? undefined : interpolate(template, params);
}

/** Picks es or en from an Accept-Language header; Spanish unless English is preferred. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return defaultLocale;
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'es';
}
