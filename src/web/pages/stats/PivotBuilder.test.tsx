import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders, serveJson } from '../../test-utils';
import { PivotBuilder } from './PivotBuilder';
import { queryOf, sortedRows, stateFromParams } from './pivot-model';
import { headerLabel } from './stats-data';

afterEach(() => cleanup());
// A shared, busy machine: rendering a Mantine table in jsdom can take seconds (no timing is asserted).
const slow = { timeout: 15_000 };

const cell = (value: number | null, display = String(value), status: 'published' | 'primary' | 'secondary' = 'published') => ({ value, display, percent: null, status });
const indicators = {
  definitionsVersion: '2026.2',
  items: [
    { id: 'victims', name: 'Víctimas (una vez en cada caso)', description: 'Víctimas en casos.', unit: 'victim', measure: 'count', date: '', dateDescription: '', condition: null, dimensions: ['sex', 'ageBandReta', 'exploitationDepartment', 'purpose'], multi: [], section: 'overview' },
    { id: 'operations', name: 'Operativos', description: 'Operativos.', unit: 'operation', measure: 'count', date: '', dateDescription: '', condition: null, dimensions: ['operationType'], multi: [], section: 'prosecution' },
  ],
  dimensions: [{ id: 'sex', name: 'Sexo', values: '' }, { id: 'ageBandReta', name: 'Grupo de edad (RETA)', values: '' }, { id: 'exploitationDepartment', name: 'Departamento de explotación', values: '' }],
};
// Women 14–17: 12; men 0–13: 3 (hidden, "<10") and the cell that would give it away ("x").
const table = {
  indicator: 'victims', unit: 'victim', measure: 'count', by: ['sex', 'ageBandReta'], from: null, to: null, filters: { purpose: ['sexual_exploitation'] }, exact: false, threshold: 10, decimals: 1, definitionsVersion: '2026.2',
  rows: [{ key: 'male' }, { key: 'female' }],
  columns: [{ key: '0_13' }, { key: '14_17' }],
  cells: [[cell(null, '<10', 'primary'), cell(null, 'x', 'secondary')], [cell(0), cell(12)]],
  totals: { rows: [cell(20), cell(12)], columns: [cell(11), cell(21)], grand: cell(32) },
  percentBase: null, notes: ['suppressed'],
};
const cases = { indicator: 'victims', unit: 'victim', value: 12, display: '12', truncated: false, cases: [
  { id: 'c-1', code: 'RETA-2025-000007', registeredAt: '2025-05-10T15:00:00.000Z', departmentCode: '08', departmentName: 'Cusco', records: 2 },
  { id: 'c-2', code: 'RETA-2025-000009', registeredAt: '2025-05-11T15:00:00.000Z', departmentCode: '08', departmentName: 'Cusco', records: 10 },
] };

const path = '/stats/table?indicator=victims&by=sex,ageBandReta&purpose=sexual_exploitation';
const rowNames = () => within(screen.getByTestId('pivot-table')).getAllByRole('rowheader').map((h) => h.textContent);

describe('the table builder', { timeout: 60_000 }, () => {
  it('shows the engine table with its totals, hidden figures as published, and sorts by a column', async () => {
    serveJson({ '/api/v1/stats/indicators': indicators, '/api/v1/stats/query': table });
    renderWithProviders(<PivotBuilder canDrill canExport />, path);
    const grid = await screen.findByTestId('pivot-table', {}, slow);
    expect(within(grid).getByText('Víctimas (una vez en cada caso) × Sexo × Grupo de edad (RETA)')).toBeTruthy();
    // Code-list values in the page language, never the codes.
    expect(rowNames()).toEqual(['Hombre', 'Mujer', 'Total']);
    expect(within(grid).getByText('14 a 17')).toBeTruthy();
    // Hidden figures are shown as the engine published them, and are not buttons.
    expect(within(grid).getByText('<10').closest('button')).toBeNull();
    expect(within(grid).getByText('x').closest('button')).toBeNull();
    expect(within(grid).getByRole('button', { name: 'Ver los casos detrás de Mujer · 14 a 17: 12' })).toBeTruthy();
    // Zeros have no cases behind them.
    expect(within(grid).queryByRole('button', { name: /Mujer · 0 a 13/ })).toBeNull();
    // Sorting by the "14 a 17" column, largest first, keeps the hidden value last.
    fireEvent.click(within(grid).getByRole('button', { name: 'Ordenar por 14 a 17' }));
    expect(rowNames()).toEqual(['Mujer', 'Hombre', 'Total']);
    fireEvent.click(within(grid).getByRole('button', { name: 'Ordenar por Sexo' }));
    expect(rowNames()).toEqual(['Hombre', 'Mujer', 'Total']);
    // The note on disclosure control, with the engine's threshold.
    expect(screen.getByText(/Los conteos de 1 a 9 se muestran como "<10"/)).toBeTruthy();
  });

  it('downloads the same query as CSV and XLSX', async () => {
    serveJson({ '/api/v1/stats/indicators': indicators, '/api/v1/stats/query': table });
    renderWithProviders(<PivotBuilder canDrill canExport />, path);
    await screen.findByTestId('pivot-table', {}, slow);
    const csv = screen.getByRole('link', { name: 'Descargar CSV' }).getAttribute('href')!;
    const xlsx = screen.getByRole('link', { name: 'Descargar Excel (XLSX)' }).getAttribute('href')!;
    expect(csv.startsWith('/api/v1/exports/table.csv?')).toBe(true);
    expect(xlsx.startsWith('/api/v1/exports/table.xlsx?')).toBe(true);
    const params = new URLSearchParams(csv.split('?')[1]);
    expect(Object.fromEntries(params)).toEqual({ indicator: 'victims', by: 'sex,ageBandReta', purpose: 'sexual_exploitation' });
  });

  it('opens the cases behind a figure: same query plus the cell, each case a link to its page', async () => {
    const calls = serveJson({ '/api/v1/stats/indicators': indicators, '/api/v1/stats/query': table, '/api/v1/stats/cases': cases });
    renderWithProviders(<PivotBuilder canDrill canExport />, path);
    fireEvent.click(await screen.findByRole('button', { name: 'Ver los casos detrás de Mujer · 14 a 17: 12' }, slow));
    const list = await screen.findByTestId('figure-cases', {}, slow);
    expect(within(list).getByText('12 (víctima en un caso) en 2 casos que usted puede ver.')).toBeTruthy();
    expect(within(list).getByRole('link', { name: 'RETA-2025-000007' }).getAttribute('href')).toBe('/cases/c-1');
    const asked = new URL(calls.find((c) => c.startsWith('/api/v1/stats/cases'))!, 'http://x').searchParams;
    expect(Object.fromEntries(asked)).toEqual({ indicator: 'victims', by: 'sex,ageBandReta', purpose: 'sexual_exploitation', row: 'female', column: '14_17' });
  });

  it('offers no cases where the reader may not break figures down, nor for statistics that are not about cases', async () => {
    serveJson({ '/api/v1/stats/indicators': indicators, '/api/v1/stats/query': table });
    renderWithProviders(<PivotBuilder canDrill={false} canExport={false} />, path);
    const grid = await screen.findByTestId('pivot-table', {}, slow);
    expect(within(grid).queryAllByRole('button', { name: /Ver los casos/ })).toEqual([]);
    expect(screen.queryByRole('link', { name: 'Descargar CSV' })).toBeNull();
    cleanup();
    serveJson({ '/api/v1/stats/indicators': indicators, '/api/v1/stats/query': { ...table, indicator: 'operations', unit: 'operation', by: ['operationType'], rows: [{ key: 'raid' }], columns: [{ key: 'value' }], cells: [[cell(12)]], totals: { rows: [cell(12)], columns: [cell(12)], grand: cell(12) } } });
    renderWithProviders(<PivotBuilder canDrill canExport />, '/stats/table?indicator=operations&by=operationType');
    await waitFor(() => expect(screen.getByTestId('pivot-table')).toBeTruthy(), slow);
    expect(screen.queryAllByRole('button', { name: /Ver los casos/ })).toEqual([]);
  });
});

describe('the builder state', () => {
  it('reads and writes the API parameters, dropping unknown dimensions', () => {
    const state = stateFromParams(new URLSearchParams('indicator=cases&by=purpose,bogus&from=2025-01-01&exploitationDepartment=08,17&evil=1&suppress=true'));
    expect(state).toMatchObject({ indicator: 'cases', rows: 'purpose', columns: undefined, from: '2025-01-01', filters: { exploitationDepartment: ['08', '17'] }, suppress: true });
    expect(queryOf(state)).toEqual({ indicator: 'cases', by: 'purpose', from: '2025-01-01', exploitationDepartment: '08,17', suppress: 'true' });
  });

  it('sorts hidden values last whichever the direction', () => {
    const result = { by: ['sex'], rows: [{ key: 'a' }, { key: 'b' }, { key: 'c' }], cells: [[cell(5)], [cell(null, '<10', 'primary')], [cell(9)]], totals: { rows: [], columns: [], grand: cell(14) } };
    const label = (i: number) => result.rows[i]!.key;
    expect(sortedRows(result as never, { key: 'total', direction: 'desc' }, label)).toEqual([2, 0, 1]);
    expect(sortedRows(result as never, { key: 'total', direction: 'asc' }, label)).toEqual([0, 2, 1]);
  });

  it('never shows "unknown" as a code', () => {
    expect(headerLabel('exploitationDepartment', { key: 'unknown' })).toBe('Sin dato');
    expect(headerLabel('sex', { key: 'unknown' })).not.toBe('unknown');
  });
});
