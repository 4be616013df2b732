import { codeListOf } from '../../core/stats/code-lists';
import type { DimensionId } from '../../core/stats/dimensions';
import enCodes from '../../i18n/en/codes';
import enIndicators from '../../i18n/en/indicators';
import enReports from '../../i18n/en/reports';
import esCodes from '../../i18n/es/codes';
import esIndicators from '../../i18n/es/indicators';
import esReports from '../../i18n/es/reports';
import type { Locale } from '../../i18n/translate';

const reports = { es: esReports, en: enReports } as const;
const indicatorTexts = { es: esIndicators, en: enIndicators } as const;
const codeTexts = { es: esCodes, en: enCodes } as const;

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

/** The name of a dimension in the reader's language ("Departamento de explotación (…)"). */
export const dimensionName = (locale: Locale, id: string) => lookup(indicatorTexts[locale], `dimensions.${id}`) ?? id;

/**
 * The label of a value of a dimension in the reader's language: a code of a code list from the codes
 * catalogue (`girl` → "Niñas" / "Girls", `0_13`, `nuisance`, `8y_to_under_12y` …); otherwise the name
 * frozen with the figures (departments, units) or the key itself.
 */
export function valueLabel(locale: Locale, dimension: string | undefined, key: string, frozenLabel?: string | null): string {
  const list = dimension ? codeListOf[dimension as DimensionId] : undefined;
  const text = list ? codeTexts[locale][list]?.[key] ?? (key === 'unknown' ? codeTexts[locale].sexes?.unknown : undefined) : undefined;
  if (text ?? frozenLabel) return (text ?? frozenLabel)!;
  // Nothing recorded: said in words, never the code `unknown`.
  return key === 'unknown' ? reportText(locale, 'glotip.unknown') : key;
}

/**
 * Between the origin and the destination of a route. U+2192 (→) is not in the report's font (Roboto, as
 * shipped with pdfmake) and printed as nothing: "›" is (a test checks every character the PDF prints).
 */
export const ROUTE_SEPARATOR = ' › ';

/** The label of `value` of the code list `list` (src/i18n/<locale>/codes.ts), the value itself when unknown. */
export const codeLabel = (locale: Locale, list: string, value: string) => (codeTexts[locale] as Record<string, Record<string, string> | undefined>)[list]?.[value] ?? value;
