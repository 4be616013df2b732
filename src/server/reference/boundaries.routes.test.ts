import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';

// Peru's boundaries as published in the shared reference folder: loaded through the product's import path.
const GEO = '/work/shared/reference/peru/geo';
const departments = JSON.parse(readFileSync(`${GEO}/peru_departamentos_4dp.geojson`, 'utf8'));
const provinces = JSON.parse(readFileSync(`${GEO}/peru_provincias_4dp.geojson`, 'utf8'));

let registry: TestRegistry;
let admin: MadeUser;
let analyst: MadeUser;

beforeAll(async () => {
  registry = await createTestRegistry();
  admin = await makeUser(registry, { roles: ['administrator'] });
  analyst = await makeUser(registry, { roles: ['analyst'], national: true });
});
afterAll(async () => registry?.close());

describe('map boundaries', () => {
  it('are empty until imported, so the map can say so', async () => {
    const res = await analyst.client.get('/api/v1/reference/boundaries');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: 'FeatureCollection', features: [] });
  });

  it('are imported by an administrator, departments then provinces, and re-importing changes nothing', async () => {
    expect((await analyst.client.post('/api/v1/reference/boundaries/import', departments)).status).toBe(403);
    const first = await admin.client.post('/api/v1/reference/boundaries/import?source=INEI%20(MIT)', departments);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ features: 25, departments: 25, provinces: 0, rejected: [] });
    const second = await admin.client.post('/api/v1/reference/boundaries/import', provinces);
    expect(second.body).toMatchObject({ features: 196, departments: 0, provinces: 196, rejected: [] });
    const again = await admin.client.post('/api/v1/reference/boundaries/import?source=INEI%20(MIT)', departments);
    expect(again.body.departments).toBe(25);

    const map = await analyst.client.get('/api/v1/reference/boundaries?level=1');
    expect(map.body.features).toHaveLength(25);
    expect(map.body.source).toBe('INEI (MIT)');
    // Department names as the product writes them (accents), not the file's capitals.
    expect(map.body.features.find((f: any) => f.id === '17').properties.name).toBe('Madre de Dios');
    const cusco = await analyst.client.get('/api/v1/reference/boundaries?parent=08');
    expect(cusco.body.features).toHaveLength(13);
    expect(cusco.body.features.map((f: any) => f.id)).toContain('0809');
    expect(cusco.body.features.find((f: any) => f.id === '0809').properties.name).toBe('La Convencion');
    expect(['Polygon', 'MultiPolygon']).toContain(cusco.body.features[0].geometry.type);
  });

  it('refuses what is not a boundary file, feature by feature or as a whole, never with a 500', async () => {
    const square = [[[-75, -10], [-74, -10], [-74, -9], [-75, -10]]];
    const feature = (properties: unknown, geometry: unknown = { type: 'Polygon', coordinates: square }) => ({ type: 'Feature', properties, geometry });
    const mixed = await admin.client.post('/api/v1/reference/boundaries/import', {
      type: 'FeatureCollection',
      features: [
        feature({ ubigeo: '990000', nombre: 'NOWHERE' }),
        feature({ ubigeo: '080101', nombre: 'CUSCO' }),
        feature({ ubigeo: '150000', nombre: 'LIMA' }, { type: 'Point', coordinates: [-75, -10] }),
        feature({ ubigeo: '150000', nombre: 'LIMA' }, { type: 'Polygon', coordinates: [[[500, 1], [1, 1], [1, 2], [500, 1]]] }),
        feature({ ubigeo: '150000' }),
        feature({ ccdd: '15', nombre: 'LIMA' }),
      ],
    });
    expect(mixed.status).toBe(200);
    expect(mixed.body.departments).toBe(1);
    expect(mixed.body.rejected.map((r: any) => r.feature)).toEqual([1, 2, 3, 4, 5]);
    for (const body of [{}, { type: 'FeatureCollection', features: [] }, { type: 'FeatureCollection', features: [feature({ ubigeo: 'x' })] }, 'not json']) {
      const res = await admin.client.post('/api/v1/reference/boundaries/import', body);
      expect(res.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    expect((await analyst.client.get('/api/v1/reference/boundaries?parent=8x')).status).toBe(400);
    // Reasons are catalogue codes, said in words to people: never the code itself.
    expect(mixed.body.rejected[1].reason).toBe('boundary_district');
    const refused = await admin.client.post('/api/v1/reference/boundaries/import', { type: 'FeatureCollection', features: [feature({ ubigeo: 'x', nombre: 'X' })] });
    expect(refused.body.error.message).toContain('The UBIGEO code is not one of 2, 4 or 6 digits.');
    expect(refused.body.error.message).not.toMatch(/boundary_|\{\{/);
  });
});
