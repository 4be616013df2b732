/**
 * The map of the annual report: Peru's departments as a tile grid (src/core/geo/tile-layout.ts), each tile
 * shaded by the year's cases in that department of exploitation and labelled with its published value;
 * protected values are grey tiles showing "<10" / "x", never shaded by their hidden count.
 */
import type { AnnualContent } from '../../contracts/reports';
import { peruDepartments } from '../../core/geo/departments';
import { departmentTiles, TILE_COLUMNS, TILE_ROWS } from '../../core/geo/tile-layout';
import type { Locale } from '../../i18n/translate';
import type { ReportChart } from './annual.charts';
import { renderChartSvg } from './chart.svg';
import { reportText } from './report.labels';

export const MAP_TABLE = 'cases_by_exploitation_department';

const TILE = { width: 100, height: 42 };

/** White blended towards the report's blue by `share` (0..1), as a hex colour (deterministic, no alpha). */
function shade(share: number): string {
  const blue = [28, 79, 140];
  const mix = 0.12 + 0.88 * share;
  return `#${blue.map((c) => Math.round(255 + (c - 255) * mix).toString(16).padStart(2, '0')).join('')}`;
}

export function mapOption(content: AnnualContent) {
  const table = content.sections.find((s) => s.id === 'overview')?.tables.find((t) => t.id === MAP_TABLE);
  const byCode = new Map((table?.rows ?? []).map((r) => [r.key, r]));
  const max = Math.max(1, ...(table?.rows ?? []).map((r) => r.current ?? 0));
  const data = peruDepartments.map((d) => {
    const [row, column] = departmentTiles[d.code] ?? [TILE_ROWS - 1, 0];
    const r = byCode.get(d.code);
    const display = r ? r.currentDisplay : '0';
    const share = (r?.current ?? 0) / max;
    const colour = r && r.current === null ? '#d9d9d9' : r?.current ? shade(share) : '#f1f3f5';
    return {
      name: d.name,
      value: [column, row],
      itemStyle: { color: colour },
      label: { show: true, formatter: `${d.name}\n${display}`, color: share > 0.5 && r?.current !== null ? '#ffffff' : '#1a1b1e', fontSize: 8, lineHeight: 11 },
    };
  });
  return {
    grid: { left: 0, right: 0, top: 0, bottom: 0 },
    xAxis: { type: 'category', data: Array.from({ length: TILE_COLUMNS }, (_, i) => String(i)), show: false },
    yAxis: { type: 'category', data: Array.from({ length: TILE_ROWS }, (_, i) => String(i)), inverse: true, show: false },
    series: [{ type: 'scatter', symbol: 'rect', symbolSize: [TILE.width - 4, TILE.height - 4], data, label: { position: 'inside' } }],
  };
}

/** The map as a chart of the overview, numbered `n`; null when the table is missing from the snapshot. */
export function departmentMap(locale: Locale, content: AnnualContent, n: number): ReportChart | null {
  const table = content.sections.find((s) => s.id === 'overview')?.tables.find((t) => t.id === MAP_TABLE);
  if (!table) return null;
  const size = { width: TILE.width * TILE_COLUMNS, height: TILE.height * TILE_ROWS };
  const caption = reportText(locale, 'narrative.map', { n, year: content.year, threshold: content.threshold ?? 0 });
  return { tableId: `${MAP_TABLE}_map`, title: reportText(locale, `tables.${MAP_TABLE}`), caption, svg: renderChartSvg(mapOption(content), size), size };
}
