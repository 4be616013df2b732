import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders, serveJson } from '../../test-utils';
import { ChoroplethMap, choroplethOption } from './ChoroplethMap';

afterEach(() => cleanup());
const slow = { timeout: 15_000 };

const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, -10], [x + 1, -10], [x + 1, -9], [x, -10]]] });
const shapes = (items: Array<[string, string]>, source: string | null = 'INEI (MIT)') => ({
  type: 'FeatureCollection', source, features: items.map(([id, name], i) => ({ type: 'Feature', id, properties: { code: id, name, level: id.length === 2 ? 1 : 2 }, geometry: square(-75 + i) })),
});
const cell = (value: number | null, display = String(value), status = value === null ? 'primary' : 'published') => ({ value, display, percent: null, status });
const byDepartment = {
  indicator: 'victims', unit: 'victim', measure: 'count', by: ['exploitationDepartment'], from: null, to: null, filters: {}, exact: false, threshold: 10, decimals: 1, definitionsVersion: '2026.2',
  rows: [{ key: '08', label: 'Cusco' }, { key: '15', label: 'Lima' }], columns: [{ key: 'value' }],
  cells: [[cell(12)], [cell(null, '<10')]], totals: { rows: [cell(12), cell(null, '<10')], columns: [cell(15)], grand: cell(15) }, percentBase: 'total', notes: [],
};

describe('the choropleth map', { timeout: 60_000 }, () => {
  it('says when no boundaries are loaded and falls back to the department tiles', async () => {
    serveJson({ '/api/v1/reference/boundaries': shapes([], null), '/api/v1/stats/query': byDepartment });
    renderWithProviders(<ChoroplethMap filters={{}} onPick={() => {}} canDrill />);
    expect(await screen.findByText(/No hay límites de departamentos cargados/, {}, slow)).toBeTruthy();
    expect(within(screen.getByTestId('department-tiles')).getByRole('button', { name: 'Cusco: 12' })).toBeTruthy();
  });

  it('draws the departments with their published figures, described in the page language', async () => {
    serveJson({ '/api/v1/reference/boundaries': shapes([['08', 'Cusco'], ['15', 'Lima'], ['17', 'Madre de Dios']]), '/api/v1/stats/query': byDepartment });
    renderWithProviders(<ChoroplethMap filters={{}} onPick={() => {}} canDrill />);
    const chart = await screen.findByTestId('choropleth-chart', {}, slow);
    expect(chart.getAttribute('aria-label')).toBe('Víctimas por departamento de explotación. Cusco 12, Lima <10, Madre de Dios 0');
    expect(screen.getByText('Límites: INEI (MIT)')).toBeTruthy();
  });

  it('drills down to the provinces of the chosen department and offers its cases', async () => {
    serveJson({
      '/api/v1/reference/boundaries?parent=08': shapes([['0801', 'Cusco'], ['0809', 'La Convencion']]),
      '/api/v1/reference/boundaries': shapes([['08', 'Cusco'], ['15', 'Lima']]),
      '/api/v1/stats/query': byDepartment,
      '/api/v1/stats/provinces': { indicator: 'victims', department: '08', exact: false, threshold: 10, items: [{ code: '0801', value: 11, display: '11', status: 'published' }, { code: '0809', value: null, display: '<10', status: 'primary' }], total: { value: 12, display: '12', status: 'published' } },
    });
    renderWithProviders(<ChoroplethMap filters={{ exploitationDepartment: '08' }} onPick={() => {}} canDrill />);
    const chart = await screen.findByTestId('choropleth-chart', {}, slow);
    await screen.findByRole('img', { name: 'Víctimas por provincia de explotación en Cusco. Cusco 11, La Convencion <10' }, slow);
    expect(chart).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Volver a todo el país' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ver los casos de Cusco' })).toBeTruthy();
  });

  it('colours only published values: hidden ones are drawn as no data', () => {
    const option = choroplethOption('m', [{ code: '08', name: 'Cusco', figure: { value: 12, display: '12' } }, { code: '15', name: 'Lima', figure: { value: null, display: '<10' } }], { low: 'Menos', high: 'Más', noData: 'Sin dato' });
    expect(option.series[0]!.data).toEqual([{ name: 'Cusco', code: '08', value: 12, display: '12' }, { name: 'Lima', code: '15', value: null, display: '<10' }]);
    expect(option.visualMap.max).toBe(12);
  });
});
