/**
 * The short text around the figures of the annual report: one sentence per headline figure with its change
 * from the previous year, and a caption under each chart. Every word comes from the reports catalogue
 * (es/en); only published values are quoted (a hidden figure is said to be protected, never guessed).
 */
import type { AnnualContent, AnnualFigure, AnnualTable } from '../../contracts/reports';
import type { Locale } from '../../i18n/translate';
import { indicatorName, reportText, valueLabel } from './report.labels';

type Section = AnnualContent['sections'][number];

/** How many figures of a section are told in words (the first ones: the section's headline indicators). */
export const HEADLINE_FIGURES = 3;

const isShown = (value: number | null) => value !== null;

export function figureSentence(locale: Locale, content: AnnualContent, f: AnnualFigure): string | null {
  if (!f.available) return null;
  const base = { indicator: indicatorName(locale, f.indicator), year: content.year, previousYear: content.previousYear, current: f.currentDisplay, threshold: content.threshold ?? 0 };
  if (!isShown(f.current)) return f.currentDisplay.startsWith('<') ? reportText(locale, 'narrative.hidden', base) : null;
  if (!isShown(f.previous)) return reportText(locale, 'narrative.noComparison', base);
  if (f.previous === 0 && (f.current ?? 0) > 0) return reportText(locale, 'narrative.fromZero', base);
  if (f.change === null || f.change === 0) return reportText(locale, 'narrative.same', base);
  const params = { ...base, abs: String(Math.abs(f.change)), percent: (f.changePercent ?? '').replace(/^[+-]/, '') };
  return reportText(locale, f.change > 0 ? 'narrative.increase' : 'narrative.decrease', params);
}

/** The paragraph that opens a section: what it covers, then its headline figures in words. */
export function sectionParagraph(locale: Locale, content: AnnualContent, section: Section): string {
  const intro = reportText(locale, `narrative.intro.${section.id}`, { year: content.year });
  const sentences = section.figures.slice(0, HEADLINE_FIGURES).map((f) => figureSentence(locale, content, f)).filter((s): s is string => s !== null);
  return [intro, ...(sentences.length ? sentences : [reportText(locale, 'narrative.empty', { year: content.year })])].join(' ');
}

/** The caption under a chart of a breakdown table: what it shows, its largest category and how it moved. */
export function chartCaption(locale: Locale, content: AnnualContent, table: AnnualTable, n: number): string {
  const parts = [reportText(locale, 'narrative.figure', { n, title: reportText(locale, `tables.${table.id}`), year: content.year, previousYear: content.previousYear })];
  const shown = table.rows.filter((r) => r.current !== null);
  const top = [...shown].sort((a, b) => b.current! - a.current! || a.key.localeCompare(b.key))[0];
  if (top) {
    const label = valueLabel(locale, table.by[0], top.key, top.label);
    parts.push(reportText(locale, 'narrative.top', { year: content.year, label, value: top.currentDisplay }));
    if (top.previous !== null && top.previous !== top.current) {
      parts.push(reportText(locale, 'narrative.topChange', { previousYear: content.previousYear, label, previous: top.previousDisplay, current: top.currentDisplay }));
    }
  }
  if (table.rows.some((r) => r.current === null || r.previous === null)) parts.push(reportText(locale, 'narrative.hiddenBars', { threshold: content.threshold ?? 0 }));
  return parts.join(' ');
}
