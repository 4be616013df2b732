import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders, serveJson } from '../../test-utils';
import { StatsAbilities } from './stats-data';
import { Headline, Panel } from './StatsPanels';

afterEach(() => cleanup());
const slow = { timeout: 15_000 };
const cell = (value: number) => ({ value, display: String(value), percent: null, status: 'published' });
const total = { indicator: 'victims', unit: 'victim', measure: 'count', by: [], from: null, to: null, filters: {}, exact: true, threshold: null, decimals: 1, definitionsVersion: '2026.2', rows: [], columns: [], cells: [], totals: { rows: [], columns: [cell(389)], grand: cell(389) }, percentBase: null, notes: [] };

describe('dashboard figures', { timeout: 60_000 }, () => {
  it('a headline opens the cases behind it, with the dashboard filters', async () => {
    const calls = serveJson({ '/api/v1/stats/query': total, '/api/v1/stats/cases': { indicator: 'victims', unit: 'victim', value: 389, display: '389', truncated: true, cases: [{ id: 'c-9', code: 'RETA-2026-000009', registeredAt: '2026-01-05T10:00:00Z', departmentCode: '17', departmentName: 'Madre de Dios', records: 3 }] } });
    renderWithProviders(
      <StatsAbilities.Provider value={{ canDrill: true, canExport: true }}>
        <Headline indicator="victims" filters={{ exploitationDepartment: '17' }} />
      </StatsAbilities.Provider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Ver los casos detrás de Víctimas (una vez en cada caso): 389' }, slow));
    expect((await screen.findByRole('link', { name: 'RETA-2026-000009' }, slow)).getAttribute('href')).toBe('/cases/c-9');
    expect(screen.getByText('Se muestran los primeros 1 casos.')).toBeTruthy();
    expect(calls.find((c) => c.startsWith('/api/v1/stats/cases'))).toBe('/api/v1/stats/cases?indicator=victims&exploitationDepartment=17');
  });

  it('a headline is only a number for readers who may not break figures down', async () => {
    serveJson({ '/api/v1/stats/query': total });
    renderWithProviders(<Headline indicator="victims" filters={{}} />);
    expect((await screen.findByTestId('headline-value', {}, slow)).textContent).toBe('389');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('a chart panel offers the data behind it as CSV and XLSX, named for the chart', () => {
    renderWithProviders(
      <StatsAbilities.Provider value={{ canDrill: false, canExport: true }}>
        <Panel title="Víctimas por forma de explotación" data={{ indicator: 'victims', by: ['purpose'], filters: { registeringDepartment: '08' } }}>x</Panel>
      </StatsAbilities.Provider>,
    );
    const csv = screen.getByRole('link', { name: 'Descargar los datos de «Víctimas por forma de explotación» en CSV' });
    expect(csv.getAttribute('href')).toBe('/api/v1/exports/table.csv?indicator=victims&by=purpose&registeringDepartment=08');
    expect(screen.getByRole('link', { name: /en Excel \(XLSX\)$/ }).getAttribute('href')).toMatch(/^\/api\/v1\/exports\/table\.xlsx\?/);
  });
});
