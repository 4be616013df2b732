import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test-utils';
import { BoundaryImport } from './BoundaryImport';

afterEach(() => cleanup());

describe('map boundaries import', () => {
  it('sends the GeoJSON with its source and lists refused features in words', async () => {
    const sent: Array<{ url: string; body: unknown }> = [];
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      sent.push({ url: String(input), body: JSON.parse(String(init?.body)) });
      return new Response(JSON.stringify({ features: 2, departments: 1, provinces: 0, rejected: [{ feature: 2, code: '080101', reason: 'boundary_district' }] }), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    const { container } = renderWithProviders(<BoundaryImport />);
    const geojson = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { ubigeo: '080000', nombre: 'CUSCO' }, geometry: null }] };
    const input = container.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([JSON.stringify(geojson)], 'cusco.geojson', { type: 'application/geo+json' })] } });
    fireEvent.change(screen.getByLabelText('Fuente y licencia (se muestra con el mapa)'), { target: { value: 'INEI (MIT)' } });
    fireEvent.click(screen.getByRole('button', { name: 'Importar' }));
    const report = await screen.findByTestId('boundary-report', {}, { timeout: 15_000 });
    expect(sent[0]!.url).toBe('/api/v1/reference/boundaries/import?source=INEI+%28MIT%29');
    expect(sent[0]!.body).toEqual(geojson);
    expect(within(report).getByText('Cargados: 1 departamentos y 0 provincias; 1 elementos rechazados.')).toBeTruthy();
    expect(within(report).getByText('Los mapas no usan distritos: cargue los límites de departamentos y provincias.')).toBeTruthy();
    expect(report.textContent).not.toContain('boundary_');
  });
});
