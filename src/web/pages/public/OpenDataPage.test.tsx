import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders, serveJson } from '../../test-utils';
import OpenDataPage from './OpenDataPage';

afterEach(() => cleanup());

const cell = (display: string) => ({ value: null, display, suppressed: false });

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
      '/api/v1/public/stats': { tables: ['victims-by-sex-age'], threshold: 10, latestYear: 2025 },
    });
    renderWithProviders(<OpenDataPage />, '/open-data');
    const table = await screen.findByTestId('public-victims-by-sex-age');
    await within(table).findByRole('rowheader', { name: 'Mujer' });
    expect(within(table).getByRole('rowheader', { name: 'Hombre' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: '0 a 13' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: '31 a más' })).toBeTruthy();
    expect(table.textContent).not.toMatch(/female|male|0_13|31_plus/);
  });
});
