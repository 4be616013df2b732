import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders, serveJson } from '../../test-utils';
import OpenDataPage from './OpenDataPage';

afterEach(() => cleanup());

const cell = (display: string) => ({ value: null, display, suppressed: false });
const release = (revision: number) => ({
  id: `00000000-0000-4000-8000-00000000000${revision}`, year: 2025, revision, previousId: null, note: revision > 1 ? 'Un caso de Cusco corregido' : null,
  definitionsVersion: '1', contentHash: `hash-${revision}`, publishedAt: '2026-02-0' + revision + 'T12:00:00.000Z',
});

describe('open data page', () => {
  it('labels code-list rows and columns from the catalogue (the server sends codes), never the raw code', async () => {
    serveJson({
      '/api/v1/public/stats/victims-by-sex-age': {
        indicator: 'victims', unit: 'victims', measure: 'count', by: ['sex', 'ageBandReta'], from: '2025-01-01', to: '2025-12-31', filters: {},
        exact: false, threshold: 10, decimals: 1, definitionsVersion: '1',
        rows: [{ key: 'female' }, { key: 'male' }],
        columns: [{ key: '0_13' }, { key: '31_plus' }],
        cells: [[cell('12'), cell('<10')], [cell('x'), cell('15')]],
        totals: { rows: [cell('20'), cell('25')], columns: [cell('22'), cell('23')], grand: cell('45') },
        notes: [],
      },
      '/api/v1/public/stats': { tables: ['victims-by-sex-age'], threshold: 10, years: [2025], latestYear: 2025 },
      '/api/v1/public/releases': { items: [release(2), release(1)] },
    });
    renderWithProviders(<OpenDataPage />, '/open-data');
    const table = await screen.findByTestId('public-victims-by-sex-age');
    await within(table).findByRole('rowheader', { name: 'Mujer' });
    expect(within(table).getByRole('rowheader', { name: 'Hombre' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: '0 a 13' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: '31 a más' })).toBeTruthy();
    expect(table.textContent).not.toMatch(/female|male|0_13|31_plus/);
  });

  it('shows the latest release of the year with its note, fingerprint and downloads, and reads its tables by release', async () => {
    const calls = serveJson({
      '/api/v1/public/stats/': { indicator: 'cases', unit: 'cases', measure: 'count', by: ['year'], from: '2025-01-01', to: '2025-12-31', filters: {}, exact: false, threshold: 10, decimals: 1, definitionsVersion: '1', rows: [{ key: '2025' }], columns: [{ key: 'value' }], cells: [[cell('40')]], totals: { rows: [cell('40')], columns: [cell('40')], grand: cell('40') }, notes: [] },
      '/api/v1/public/stats': { tables: ['cases-by-year'], threshold: 10, years: [2025], latestYear: 2025 },
      '/api/v1/public/releases': { items: [release(2), release(1)] },
    });
    renderWithProviders(<OpenDataPage />, '/open-data');
    const info = await screen.findByTestId('release-info');
    expect(info.textContent).toContain('Revisión 2');
    expect(info.textContent).toContain('Un caso de Cusco corregido');
    expect(info.textContent).toContain('hash-2');
    expect(within(info).getByRole('link', { name: 'Descargar CSV' }).getAttribute('href')).toBe(`/api/v1/public/releases/${release(2).id}/tables.csv`);
    await screen.findByTestId('public-cases-by-year');
    expect(calls.some((u) => u.includes(`release=${release(2).id}`))).toBe(true);
    expect(calls.some((u) => u.includes('year=2025') && u.includes('/public/stats/'))).toBe(false);
  });

  it('says that nothing is published yet instead of showing live figures', async () => {
    serveJson({ '/api/v1/public/stats': { tables: ['cases-by-year'], threshold: 10, years: [], latestYear: null }, '/api/v1/public/releases': { items: [] } });
    renderWithProviders(<OpenDataPage />, '/open-data');
    expect(await screen.findByText('Aún no se ha publicado ningún año.')).toBeTruthy();
  });
});
