import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';

// The locale files are JSON inside the package; registering them once gives names in es and en.
const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/es.json'));
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));

const alpha3 = new Set(Object.keys(countries.getAlpha3Codes()));

/** ISO 3166-1 alpha-3, upper case, as the maintained list knows it. */
export const isKnownCountry = (code: string) => alpha3.has(code);

export function listCountries(locale: 'es' | 'en') {
  const collator = new Intl.Collator(locale);
  return [...alpha3]
    .map((code) => ({ code, alpha2: countries.alpha3ToAlpha2(code) ?? '', name: countries.getName(code, locale) ?? code }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** Field errors for every unknown country among `entries` (path → code). */
export function unknownCountryFields(entries: ReadonlyArray<{ code: string | null | undefined; field: string }>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const entry of entries) if (entry.code && !isKnownCountry(entry.code)) fields[entry.field] = 'invalid_country';
  return fields;
}

/** The country's name in the reader's language (the code when the list does not know it). */
export const countryName = (code: string, locale: 'es' | 'en') => countries.getName(code, locale) ?? code;
