import { describe, expect, it } from 'vitest';
import type { AnnualContent, AnnualFigure, AnnualTable } from '../../contracts/reports';
import { barOption, chartSize, sectionChartsOf } from './annual.charts';
import { departmentMap } from './annual.map';
import { chartCaption, figureSentence, sectionParagraph } from './annual.narrative';
import { normaliseSvgIds, renderChartSvg } from './chart.svg';

const figure = (current: number | null, previous: number | null, currentDisplay = String(current ?? ''), previousDisplay = String(previous ?? '')): AnnualFigure => {
  const change = current !== null && previous !== null ? current - previous : null;
  const pct = change !== null && previous ? ((change / previous) * 100).toFixed(1) : null;
  return { indicator: 'victims', measure: 'count', current, previous, currentDisplay, previousDisplay, change, changePercent: pct === null ? null : change! > 0 ? `+${pct}` : pct, available: true };
};
const table: AnnualTable = {
  id: 'victims_by_purpose_group', indicator: 'victims', by: ['purposeGroup'], available: true,
  rows: [
    { key: 'sexual', label: 'sexual', current: 80, currentDisplay: '80', previous: 60, previousDisplay: '60' },
    { key: 'labour', label: 'labour', current: null, currentDisplay: '<10', previous: 30, previousDisplay: '30' },
    { key: 'other', label: 'other', current: 14, currentDisplay: '14', previous: null, previousDisplay: 'x' },
  ],
};
const content = (figures: AnnualFigure[]): AnnualContent => ({
  kind: 'annual', year: 2025, previousYear: 2024, period: { from: '2025-01-01', to: '2025-12-31' }, previousPeriod: { from: '2024-01-01', to: '2024-12-31' },
  definitionsVersion: '1', exact: false, threshold: 10, sections: [{ id: 'overview', figures, tables: [table] }], funnel: [], routes: [],
});

describe('annual report text (from the catalogues, published values only)', () => {
  it('tells the change from the previous year in the reader’s language', () => {
    const c = content([]);
    expect(figureSentence('es', c, figure(120, 100))).toBe('Víctimas (una vez en cada caso): 120 en 2025, 20 más que en 2024 (20.0 %).');
    expect(figureSentence('en', c, figure(80, 100))).toBe('Victims (once in each case): 80 in 2025, 20 fewer than in 2024 (20.0 %).');
    expect(figureSentence('en', c, figure(50, 50))).toBe('Victims (once in each case): 50 in 2025, the same figure as in 2024.');
    expect(figureSentence('es', c, figure(null, 40, '<10'))).toBe('Víctimas (una vez en cada caso): menos de 10 en 2025 (cifra protegida).');
    expect(figureSentence('en', c, figure(40, null, '40', 'x'))).toBe('Victims (once in each case): 40 in 2025; the figure for 2024 is not published.');
  });

  it('opens each section with what it covers and its headline figures', () => {
    const c = content([figure(120, 100)]);
    expect(sectionParagraph('es', c, c.sections[0]!)).toMatch(/^Esta sección resume .* 2025.* Víctimas \(una vez en cada caso\): 120 en 2025, 20 más que en 2024/);
  });

  it('captions a chart with its largest published category, in the reader’s language, and says hidden bars are not drawn', () => {
    const caption = chartCaption('es', content([]), table, 3);
    expect(caption).toContain('Figura 3.');
    expect(caption).toContain('«Sexual» (80)');
    expect(caption).toContain('pasó de 60 a 80');
    expect(caption).toContain('no se dibujan');
  });
});

describe('charts rendered on the server', () => {
  it('draws published values only, labels categories from the catalogue, and gives the same bytes every time', () => {
    const c = content([]);
    const svg = renderChartSvg(barOption('en', c, table), chartSize(table));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('>Labour<');
    expect(svg).not.toContain('>labour<');
    const barLabels = [...svg.matchAll(/<text[^>]*font-size:9px[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(barLabels.sort()).toEqual(['14', '80']);
    expect(renderChartSvg(barOption('en', c, table), chartSize(table))).toBe(svg);
    expect(sectionChartsOf('es', c, 'overview', 1).map((ch) => ch.tableId)).toEqual(['victims_by_purpose_group']);
  });

  it('maps every department as a tile, grey with "<10" when protected, shaded only by published counts', () => {
    const c = content([]);
    c.sections[0]!.tables.push({
      id: 'cases_by_exploitation_department', indicator: 'cases', by: ['exploitationDepartment'], available: true,
      rows: [{ key: '15', label: 'Lima', current: 120, currentDisplay: '120', previous: 90, previousDisplay: '90' }, { key: '08', label: 'Cusco', current: null, currentDisplay: '<10', previous: 12, previousDisplay: '12' }],
    });
    const map = departmentMap('en', c, 2)!;
    expect(map.caption).toMatch(/^Figure 2\. Map of the cases of 2025/);
    const tiles = [...map.svg.matchAll(/<text[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
    for (const name of ['Lima', 'Cusco', 'Tumbes', 'Tacna', 'Madre de Dios']) expect(tiles).toContain(name);
    expect(tiles).toContain('120');
    expect(tiles).toContain('&lt;10');
    expect(map.svg).toContain('#d9d9d9');
    expect(sectionChartsOf('es', c, 'overview', 1).map((ch) => ch.tableId)).toEqual(['victims_by_purpose_group', 'cases_by_exploitation_department_map']);
  });

  it('renames ECharts’ process-wide counters in order of appearance', () => {
    expect(normaliseSvgIds('<g class="zr7-cls-12"/><g class="zr7-cls-3"/><g class="zr7-cls-12"/>')).toBe('<g class="c0"/><g class="c1"/><g class="c0"/>');
  });
});
