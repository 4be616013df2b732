import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../../test/api-client';
import { makeCase } from '../../../test/case-factory';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { contentHash } from '../../core/canonical-json';
import { unhiddenBetween, type ReleasedTable } from '../../core/releases/revision-suppression';
import { auditLog } from '../../db/schema';
import { latestPublicYear, limaYear, publicTableQuery } from '../stats/stats.public';

const TABLES = ['cases-by-year', 'victims-by-sex-age', 'victims-by-exploitation', 'victims-by-department'];

let registry: TestRegistry;
let national: MadeUser;
let regional: MadeUser;
let police: MadeUser;
let cuscoCaseId: string;

const at = new Date('2025-06-10T15:00:00Z');
const victims = (n: number, sex: 'female' | 'male', ageYears: number) => Array.from({ length: n }, () => ({ sex, ageYears }));

beforeAll(async () => {
  registry = await createTestRegistry();
  national = await makeUser(registry, { roles: ['analyst'], national: true });
  regional = await makeUser(registry, { roles: ['analyst'], departments: ['15'] });
  police = await makeUser(registry, { roles: ['registrar'], national: true });
  // 2025: 30 victims exploited in Lima, 9 in Cusco (a hidden small count), 12 in Puno (its complement).
  for (let i = 0; i < 3; i++) await makeCase(registry.deps, police, { registeredAt: at, victims: victims(10, 'female', 25), places: [{ kind: 'exploitation', ubigeo: '150101' }] });
  const cusco = await makeCase(registry.deps, police, { registeredAt: at, purposes: ['forced_labour'], victims: victims(9, 'male', 30), places: [{ kind: 'exploitation', ubigeo: '080101' }] });
  cuscoCaseId = cusco.case.id;
  await makeCase(registry.deps, police, { registeredAt: at, victims: victims(12, 'female', 16), places: [{ kind: 'exploitation', ubigeo: '210101' }] });
});
afterAll(async () => registry?.close());

const publicTables = async (query: string) => Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, (await anonymous(registry.app).get(`/api/v1/public/stats/${t}?${query}`)).body] as const)));
const cell = (body: any, row: string) => body.cells[body.rows.findIndex((r: any) => r.key === row)]?.[0];
const released = (body: any): ReleasedTable => ({ rows: body.rows, columns: body.columns, cells: body.cells, totals: body.totals });
const download = (id: string, file: string) => registry.app.inject({ method: 'GET', url: `/api/v1/public/releases/${id}/${file}`, headers: { 'accept-language': 'en' } });

describe('public releases (issue 9)', () => {
  let first: any;
  let firstTables: Record<string, any>;

  it('serves nothing before a year is published: no live figures reach the public', async () => {
    const index = await anonymous(registry.app).get('/api/v1/public/stats');
    expect(index.status).toBe(200);
    expect(index.body).toMatchObject({ years: [], latestYear: null, tables: TABLES });
    for (const t of TABLES) {
      const res = await anonymous(registry.app).get(`/api/v1/public/stats/${t}?year=2025`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('release.not_published');
    }
    expect((await anonymous(registry.app).get('/api/v1/public/releases')).body.items).toEqual([]);
    expect((await anonymous(registry.app).get('/api/v1/public/stats/everything?year=2025')).status).toBe(400);
  });

  it('lets only analysts with national scope preview and publish (403 to others, 401 without a login)', async () => {
    expect((await police.client.get('/api/v1/releases/preview?year=2025')).status).toBe(403);
    expect((await police.client.post('/api/v1/releases', { year: 2025, revises: null })).status).toBe(403);
    expect((await regional.client.get('/api/v1/releases/preview?year=2025')).status).toBe(403);
    expect((await regional.client.post('/api/v1/releases', { year: 2025, revises: null })).status).toBe(403);
    expect((await anonymous(registry.app).post('/api/v1/releases', { year: 2025, revises: null })).status).toBe(401);
    expect((await anonymous(registry.app).get('/api/v1/public/releases')).body.items).toEqual([]);
  });

  it('refuses a year not yet over in Peru, naming the field', async () => {
    const res = await national.client.post('/api/v1/releases', { year: limaYear(), revises: null });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('stats.public_year_incomplete');
    expect(res.body.error.fields.year).toBeTruthy();
    // The year is Peru's: at 03:00 UTC on 1 January it is still 31 December in Lima.
    expect(latestPublicYear(new Date('2026-01-01T06:00:00Z'))).toBe(2025);
    expect(() => publicTableQuery('cases-by-year', { year: 2025 }, new Date('2026-01-01T03:00:00Z'))).toThrow();
  });

  it('publishes a year as a hashed, dated release that the public reads, suppressed', async () => {
    const preview = await national.client.get('/api/v1/releases/preview?year=2025');
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ year: 2025, revision: 1, revises: null, changed: 0 });
    const made = await national.client.post('/api/v1/releases', { year: 2025, revises: null });
    expect(made.status).toBe(201);
    first = made.body;
    expect(first).toMatchObject({ year: 2025, revision: 1, previousId: null, publishedBy: { id: national.id } });
    expect(first.contentHash).toBe(preview.body.contentHash);
    const audit = await registry.deps.db.select().from(auditLog).where(eq(auditLog.action, 'release.publish'));
    expect(audit.map((a) => a.entityId)).toEqual([first.id]);

    firstTables = await publicTables('year=2025');
    const byDepartment = firstTables['victims-by-department'];
    expect(byDepartment.exact).toBe(false);
    expect(cell(byDepartment, '08')).toMatchObject({ value: null, display: '<10' });
    expect(cell(byDepartment, '15')).toMatchObject({ value: 30 });
    expect(byDepartment.totals.grand.value).toBe(51);
    for (const body of Object.values(firstTables)) {
      for (const c of [...body.cells.flat(), ...body.totals.rows, ...body.totals.columns, body.totals.grand]) {
        expect(c.value === null || c.value === 0 || c.value >= 10).toBe(true);
        expect(c.percent).toBeNull();
      }
    }
    const view = await anonymous(registry.app).get(`/api/v1/public/releases/${first.id}`);
    expect(view.body.hashVerified).toBe(true);
    expect(contentHash(view.body.content)).toBe(first.contentHash);
    expect((await anonymous(registry.app).get('/api/v1/public/stats')).body).toMatchObject({ years: [2025], latestYear: 2025 });
  });

  it('changes no public cell or file when a victim is added to a 2025 case after publishing', async () => {
    const csv = await download(first.id, 'tables.csv');
    const xlsx = await download(first.id, 'tables.xlsx');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Cusco');
    expect(csv.body).toContain('<10');

    const added = await police.client.post(`/api/v1/cases/${cuscoCaseId}/victims`, { person: { sex: 'male' }, ageYears: 30 });
    expect(added.status).toBe(201);
    // The live figures did change: Cusco now has 10 victims, enough to be shown.
    const live = await national.client.get('/api/v1/stats/query?indicator=victims&by=exploitationDepartment&from=2025-01-01&to=2025-12-31&suppress=true');
    expect(cell(live.body, '08').value).toBe(10);

    expect(await publicTables('year=2025')).toEqual(firstTables);
    expect(Buffer.compare((await download(first.id, 'tables.csv')).rawPayload, csv.rawPayload)).toBe(0);
    expect(Buffer.compare((await download(first.id, 'tables.xlsx')).rawPayload, xlsx.rawPayload)).toBe(0);
  });

  it('publishes a revision with a note, keeping every value hidden before hidden (no "<10 then 10")', async () => {
    expect((await national.client.post('/api/v1/releases', { year: 2025, revises: first.id })).body.error).toMatchObject({ code: 'release.note_required', fields: { note: expect.any(String) } });
    // A publisher who previewed before the first release was made is told so, not allowed to overwrite.
    expect((await national.client.post('/api/v1/releases', { year: 2025, revises: null, note: 'again' })).status).toBe(409);

    const preview = await national.client.get('/api/v1/releases/preview?year=2025');
    expect(preview.body).toMatchObject({ revision: 2, revises: first.id });
    expect(preview.body.changed).toBeGreaterThan(0);
    const revision = await national.client.post('/api/v1/releases', { year: 2025, revises: first.id, note: 'One victim added to a Cusco case' });
    expect(revision.status).toBe(201);
    expect(revision.body).toMatchObject({ revision: 2, previousId: first.id, note: 'One victim added to a Cusco case' });

    const now = await publicTables('year=2025');
    const byDepartment = now['victims-by-department'];
    expect(cell(byDepartment, '08')).toMatchObject({ value: null, display: 'x' });
    expect(byDepartment.totals.grand.value).toBe(52);
    for (const t of TABLES) expect(unhiddenBetween(released(firstTables[t]), released(now[t]))).toEqual([]);
    const content = (await anonymous(registry.app).get(`/api/v1/public/releases/${revision.body.id}`)).body.content;
    expect(content.previousHash).toBe(first.contentHash);
    expect(content.tables.find((t: any) => t.name === 'victims-by-department').changes).toContainEqual({ row: '08', column: null, before: '<10', after: 'x' });

    // The first release is still served as it was, by id.
    expect(await publicTables(`release=${first.id}`)).toEqual(firstTables);
    const list = await anonymous(registry.app).get('/api/v1/public/releases?year=2025');
    expect(list.body.items.map((r: any) => r.revision)).toEqual([2, 1]);
    expect(list.body.items[0]).not.toHaveProperty('publishedBy');
    expect((await national.client.get('/api/v1/releases')).body.items[0].publishedBy.id).toBe(national.id);
  });

  it('is append-only in the database itself', async () => {
    const db = registry.deps.db;
    await expect(db.execute(sql`update public_releases set note = 'forged'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from public_releases`)).rejects.toThrow();
    await expect(db.execute(sql`truncate public_releases`)).rejects.toThrow();
    expect((await anonymous(registry.app).get('/api/v1/public/releases?year=2025')).body.items).toHaveLength(2);
  });
});
