import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { formatImportReport } from '../../cli/commands/reference';
import { systemCtx } from '../context';
import { createReferenceService } from './reference.service';
import { parseUbigeoCsv } from './ubigeo.import';
import { referenceFile } from '../../../test/reference-data';

const INEI_CSV = referenceFile('ubigeo_distrito.csv');

let registry: TestRegistry;
let admin: MadeUser;
let registrar: MadeUser;
beforeAll(async () => {
  registry = await createTestRegistry();
  admin = await makeUser(registry, { roles: ['administrator'], national: true });
  registrar = await makeUser(registry, { roles: ['registrar'] });
});
afterAll(() => registry.close());

describe('UBIGEO import', () => {
  it('parses the INEI file with a real CSV parser: quoted newlines kept, NA codes rejected with a reason', () => {
    const parsed = parseUbigeoCsv(readFileSync(INEI_CSV, 'utf8'));
    expect(parsed.rows).toBe(1893);
    expect(parsed.rejected).toEqual([expect.objectContaining({ code: 'NA', reason: 'invalid_code' })]);
    expect(parsed.entries.filter((e) => e.level === 2)).toHaveLength(196);
    expect(parsed.entries.filter((e) => e.level === 3)).toHaveLength(1892);
  });

  it('loads provinces and districts through the API, and a re-run changes nothing', async () => {
    const csv = readFileSync(INEI_CSV, 'utf8');
    const first = await admin.client.request('POST', '/api/v1/reference/ubigeo/import', csv, { 'content-type': 'text/csv' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ rows: 1893, provinces: { new: 196, updated: 0, unchanged: 0 }, districts: { new: 1892, updated: 0, unchanged: 0 } });
    expect(first.body.rejected).toHaveLength(1);
    const again = await createReferenceService(registry.deps).importUbigeoCsv(systemCtx('test'), csv);
    expect(again).toMatchObject({ provinces: { new: 0, updated: 0, unchanged: 196 }, districts: { new: 0, updated: 0, unchanged: 1892 } });
    expect(formatImportReport(again)).toMatch(/Districts: 0 new, 0 updated, 1892 unchanged/);
  });

  it('reads a province list (no distrito column) as provinces', () => {
    const parsed = parseUbigeoCsv(readFileSync(referenceFile('ubigeo_provincia.csv'), 'utf8'));
    expect(parsed.entries).toHaveLength(196);
    expect(parsed.entries.every((e) => e.level === 2 && e.code.length === 4)).toBe(true);
    expect(parsed.rejected).toEqual([]);
  });

  it('reports updated names and rejected rows of a small file sent as JSON', async () => {
    const csv = 'inei,departamento,provincia,distrito\n150101,LIMA,LIMA,LIMA CERCADO\n990101,X,Y,Z\n15AB01,LIMA,LIMA,BAD\n150100,LIMA,LIMA,LIMA\n';
    const response = await admin.client.post('/api/v1/reference/ubigeo/import', { csv });
    expect(response.status).toBe(200);
    expect(response.body.districts).toEqual({ new: 0, updated: 1, unchanged: 0 });
    expect(response.body.rejected.map((r: any) => [r.line, r.reason])).toEqual([[3, 'unknown_department'], [4, 'invalid_code'], [5, 'not_a_district']]);
  });

  it('refuses a file without the INEI columns, and non-administrators', async () => {
    const bad = await admin.client.request('POST', '/api/v1/reference/ubigeo/import', 'a,b\n1,2\n', { 'content-type': 'text/csv' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('reference.invalid_file');
    expect((await registrar.client.post('/api/v1/reference/ubigeo/import', { csv: 'x' })).status).toBe(403);
  });
});

describe('pickers', () => {
  it('lists departments, a department’s provinces, and finds names without accents', async () => {
    const departments = await registrar.client.get('/api/v1/reference/ubigeo');
    expect(departments.body.items).toHaveLength(25);
    const lima = await registrar.client.get('/api/v1/reference/ubigeo?parent=15');
    expect(lima.body.items.map((u: any) => u.code)).toContain('1501');
    const found = await registrar.client.get('/api/v1/reference/ubigeo?q=apurimac');
    expect(found.body.items.map((u: any) => u.code)).toContain('03');
  });

  it('names countries in Spanish and English', async () => {
    const es = await registrar.client.get('/api/v1/reference/countries?locale=es');
    expect(es.body.items.find((c: any) => c.code === 'PER')).toEqual({ code: 'PER', alpha2: 'PE', name: 'Perú' });
    const en = await registrar.client.get('/api/v1/reference/countries?locale=en');
    expect(en.body.items.find((c: any) => c.code === 'DEU').name).toBe('Germany');
  });

  it('returns the code lists', async () => {
    const codes = await registrar.client.get('/api/v1/reference/codes');
    expect(codes.body.lists.purposes).toContain('slavery_or_similar_practices');
    expect(codes.body.lists.acts).toHaveLength(5);
  });

  it('checks case places against the imported districts', async () => {
    const ok = await registrar.client.post('/api/v1/cases', { source: 'complaint', reportedOn: '2026-01-01', places: [{ kind: 'exploitation', ubigeo: '170101' }] });
    expect(ok.status).toBe(201);
    expect(ok.body.places[0]).toMatchObject({ ubigeo: '170101', departmentCode: '17' });
  });
});
