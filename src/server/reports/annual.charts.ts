/**
 * The charts of the annual report: which breakdowns are drawn in each section, as ECharts options, rendered
 * to SVG on the server (./chart.svg.ts). Each chart compares the year with the previous one; hidden values
 * are not drawn (a bar of a protected count would publish it).
 */
import type { AnnualContent, AnnualTable } from '../../contracts/reports';
import type { Locale } from '../../i18n/translate';
import { renderChartSvg, type ChartSize } from './chart.svg';
import { departmentMap } from './annual.map';
import { chartCaption } from './annual.narrative';
import { reportText, valueLabel } from './report.labels';

type SectionId = AnnualContent['sections'][number]['id'];

/** Breakdown tables drawn as charts, per section (the others are tables only). */
export const sectionCharts: Record<SectionId, readonly string[]> = {
  overview: ['victims_by_purpose_group', 'victims_by_age_band'],
  prevention: ['participants_by_audience'],
  prosecution: ['sentences_by_band', 'convictions_by_sex'],
  protection: ['assisted_by_service'],
};

export interface ReportChart {
  tableId: string;
  title: string;
  caption: string;
  svg: string;
  size: ChartSize;
}

const CURRENT_COLOUR = '#1c4f8c';
const PREVIOUS_COLOUR = '#9bb4d3';

/** A horizontal grouped bar chart: one bar per year for each category, in the table's order. */
export function barOption(locale: Locale, content: AnnualContent, table: AnnualTable) {
  const labels = table.rows.map((r) => valueLabel(locale, table.by[0], r.key, r.label));
  return {
    color: [CURRENT_COLOUR, PREVIOUS_COLOUR],
    legend: { top: 0, data: [String(content.year), String(content.previousYear)] },
    grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    // Categories read top to bottom in the table's order.
    yAxis: { type: 'category', inverse: true, data: labels, axisLabel: { width: 170, overflow: 'truncate' } },
    series: [
      { name: String(content.year), type: 'bar', data: table.rows.map((r) => r.current), label: { show: true, position: 'right', fontSize: 9 } },
      { name: String(content.previousYear), type: 'bar', data: table.rows.map((r) => r.previous) },
    ],
  };
}

export const chartSize = (table: AnnualTable): ChartSize => ({ width: 520, height: 56 + table.rows.length * 30 });

/** The charts of one section, numbered from `first` (figures are numbered across the report). */
export function sectionChartsOf(locale: Locale, content: AnnualContent, sectionId: SectionId, first: number): ReportChart[] {
  const section = content.sections.find((s) => s.id === sectionId);
  if (!section) return [];
  const tables = sectionCharts[sectionId].map((id) => section.tables.find((t) => t.id === id)).filter((t): t is AnnualTable => !!t && t.rows.some((r) => r.current !== null || r.previous !== null));
  const charts: ReportChart[] = tables.map((table, i) => {
    const size = chartSize(table);
    return { tableId: table.id, title: reportText(locale, `tables.${table.id}`), caption: chartCaption(locale, content, table, first + i), svg: renderChartSvg(barOption(locale, content, table), size), size };
  });
  const map = sectionId === 'overview' ? departmentMap(locale, content, first + charts.length) : null;
  return map ? [...charts, map] : charts;
}

/**
 * Charts of recently rendered snapshots, by content hash and language: a snapshot never changes, and its
 * PDF and Word document draw the same charts (rendering them costs far more than laying out the text).
 */
const recent = new Map<string, Map<SectionId, ReportChart[]>>();
const RECENT_LIMIT = 8;

/** Every chart of the report, section by section, numbered in order (cached when the content hash is given). */
export function reportCharts(locale: Locale, content: AnnualContent, contentHash?: string): Map<SectionId, ReportChart[]> {
  const key = contentHash ? `${contentHash}:${locale}` : null;
  const cached = key ? recent.get(key) : undefined;
  if (cached) return cached;
  const charts = drawAll(locale, content);
  if (key) {
    if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!);
    recent.set(key, charts);
  }
  return charts;
}

function drawAll(locale: Locale, content: AnnualContent): Map<SectionId, ReportChart[]> {
  const charts = new Map<SectionId, ReportChart[]>();
  let n = 1;
  for (const section of content.sections) {
    const list = sectionChartsOf(locale, content, section.id, n);
    charts.set(section.id, list);
    n += list.length;
  }
  return charts;
}
