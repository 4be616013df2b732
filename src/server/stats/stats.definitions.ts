/**
 * The documentation of every statistic, generated from the definitions in src/core/stats/indicators.ts
 * and the catalogues — never written by hand, so it cannot drift from what is computed.
 */
import { dimensionIds, dimensions } from '../../core/stats/dimensions';
import { DEFINITIONS_VERSION, indicators } from '../../core/stats/indicators';
import enCatalogue from '../../i18n/en/indicators';
import esCatalogue from '../../i18n/es/indicators';

type Catalogue = typeof enCatalogue;
const catalogues: Record<'es' | 'en', Catalogue> = { es: esCatalogue as unknown as Catalogue, en: enCatalogue };

/** The counting rules printed at the head of the definitions page, in order. */
const ruleKeys = [
  'rule_case', 'rule_disclosure', 'rule_scope', 'rule_rounding', 'rule_age', 'rule_sentences', 'rule_purpose_groups', 'rule_merge', 'rule_transfer',
  'rule_funnel', 'rule_measures', 'rule_legal',
] as const;

const text = (map: Record<string, string>, key: string) => map[key] ?? key;

export function definitionsView(locale: 'es' | 'en') {
  const c = catalogues[locale];
  return {
    definitionsVersion: DEFINITIONS_VERSION,
    items: indicators.map((i) => {
      const entry = (c.indicators as Record<string, { name: string; description: string }>)[i.id];
      return {
        id: i.id,
        name: entry?.name ?? i.id,
        description: entry?.description ?? '',
        unit: i.unit,
        measure: i.measure.kind === 'sum' || i.measure.kind === 'median' ? `${i.measure.kind}:${i.measure.field}` : i.measure.kind,
        date: i.date,
        dateDescription: text(c.dates as Record<string, string>, i.date),
        condition: i.condition ?? null,
        dimensions: [...i.dimensions],
        multi: [...i.multi],
        section: i.section,
      };
    }),
    dimensions: dimensionIds.map((id) => ({ id, name: text(c.dimensions as Record<string, string>, id), values: dimensions[id].values })),
  };
}

export function definitionsMarkdown(locale: 'es' | 'en'): string {
  const c = catalogues[locale];
  const view = definitionsView(locale);
  const dimName = (id: string) => text(c.dimensions as Record<string, string>, id);
  const lines = [`# ${c.doc.title}`, '', `${c.doc.version}: ${view.definitionsVersion}`, '', `## ${c.doc.rules}`, '', ...ruleKeys.map((k) => `- ${c.doc[k]}`), ''];
  for (const item of view.items) {
    lines.push(`## ${item.name} (\`${item.id}\`)`, '', item.description, '');
    lines.push(`- ${c.doc.unit}: ${text(c.units as Record<string, string>, item.unit)}`);
    lines.push(`- ${c.doc.measure}: ${text(c.measures as Record<string, string>, item.measure.split(':')[0]!)}${item.measure.includes(':') ? ` (${item.measure.split(':')[1]})` : ''}`);
    lines.push(`- ${c.doc.date}: ${item.dateDescription}`);
    if (item.condition) lines.push(`- ${c.doc.condition}: \`${item.condition}\``);
    lines.push(`- ${c.doc.dimensions}: ${item.dimensions.map(dimName).join('; ')}`);
    if (item.multi.length) lines.push(`- ${c.doc.multi}: ${item.multi.map(dimName).join('; ')}`);
    lines.push('');
  }
  return lines.join('\n');
}
