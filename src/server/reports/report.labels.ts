import enIndicators from '../../i18n/en/indicators';
import enReports from '../../i18n/en/reports';
import esIndicators from '../../i18n/es/indicators';
import esReports from '../../i18n/es/reports';
import type { Locale } from '../../i18n/translate';

const reports = { es: esReports, en: enReports } as const;
const indicatorTexts = { es: esIndicators, en: enIndicators } as const;

function lookup(tree: unknown, path: string): string | undefined {
  let node = tree;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** The text of `path` in the reports catalogue (Spanish by default), with {{param}} interpolated. */
export function reportText(locale: Locale, path: string, params: Record<string, string | number> = {}): string {
  const template = lookup(reports[locale], path) ?? lookup(reports.es, path) ?? path;
  return template.replace(/\{\{(\w+)\}\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export const indicatorName = (locale: Locale, id: string) => lookup(indicatorTexts[locale], `indicators.${id}.name`) ?? id;
