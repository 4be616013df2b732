import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dimensionIds } from '../../core/stats/dimensions';
import { indicators } from '../../core/stats/indicators';
import { makeCase } from '../../../test/case-factory';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { ApiClient } from '../../../test/api-client';

let registry: TestRegistry;
let analyst: MadeUser;
let police: MadeUser;
let otherPolice: MadeUser;

const cell = (body: any, row: string, col?: string) => {
  const i = body.rows.findIndex((r: any) => r.key === row);
  const j = col === undefined ? 0 : body.columns.findIndex((c: any) => c.key === col);
  return i < 0 || j < 0 ? undefined : body.cells[i][j];
};

beforeAll(async () => {
  registry = await createTestRegistry();
  analyst = await makeUser(registry, { roles: ['analyst'], national: true });
  police = await makeUser(registry, { roles: ['registrar'], departments: ['08'] });
  otherPolice = await makeUser(registry, { roles: ['registrar'], departments: ['15'] });
  const at = new Date('2025-05-10T15:00:00Z');
  // 12 girls of 15 and 3 women of 25 in Cusco (one case with two purposes); 2 men in Lima.
  for (let i = 0; i < 12; i++) {
    await makeCase(registry.deps, police, { registeredAt: at, purposes: i === 0 ? ['sexual_exploitation', 'forced_labour'] : ['sexual_exploitation'], victims: [{ sex: 'female', ageYears: 15 }], places: [{ kind: 'exploitation', ubigeo: '170101' }] });
  }
  await makeCase(registry.deps, police, { registeredAt: at, victims: [{ sex: 'female', ageYears: 25 }, { sex: 'female', ageYears: 25 }, { sex: 'female', ageYears: 25 }] });
  await makeCase(registry.deps, otherPolice, { registeredAt: new Date('2024-02-01T12:00:00Z'), purposes: ['forced_labour'], victims: [{ sex: 'male', ageYears: 40 }, { sex: 'male', ageYears: 33 }] });
});
afterAll(async () => registry?.close());

describe('GET /api/v1/stats/query', () => {
  it('gives an analyst exact victims by sex and RETA age band, with margins', async () => {
    const res = await analyst.client.get('/api/v1/stats/query?indicator=victims&by=sex,ageBandReta');
    expect(res.status).toBe(200);
    expect(res.body.exact).toBe(true);
    expect(cell(res.body, 'female', '14_17').value).toBe(12);
    expect(cell(res.body, 'female', '18_30').value).toBe(3);
    expect(cell(res.body, 'male', '31_plus').value).toBe(2);
    expect(res.body.totals.grand.value).toBe(17);
    expect(res.body.totals.rows[res.body.rows.findIndex((r: any) => r.key === 'female')].value).toBe(15);
    // 2-D percentages are of the row total by default: 12 of 15 girls and women are 14–17.
    expect(cell(res.body, 'female', '14_17').percent).toBe('80.0');
  });

  it('counts a case with two purposes once in the total and says that percentages overlap', async () => {
    const res = await analyst.client.get('/api/v1/stats/query?indicator=cases&by=purpose&decimals=2');
    expect(res.status).toBe(200);
    expect(res.body.totals.grand.value).toBe(14);
    expect(cell(res.body, 'sexual_exploitation').value).toBe(13);
    expect(cell(res.body, 'forced_labour').value).toBe(2);
    expect(res.body.notes).toContain('multi_select_overlap');
  });

  it('counts a person merged into another once among distinct victims, twice among victims per case', async () => {
    const at = new Date('2022-06-01T12:00:00Z');
    const first = await makeCase(registry.deps, police, { registeredAt: at, victims: [{ sex: 'female', ageYears: 16 }] });
    const second = await makeCase(registry.deps, police, { registeredAt: at, victims: [{ sex: 'female', ageYears: 17 }] });
    await registry.deps.db.execute(sql`update persons set merged_into_id = ${first.victims[0]!.person.id} where id = ${second.victims[0]!.person.id}`);
    const period = 'from=2022-01-01&to=2022-12-31';
    expect((await analyst.client.get(`/api/v1/stats/query?indicator=victims&${period}`)).body.totals.grand.value).toBe(2);
    const persons = await analyst.client.get(`/api/v1/stats/query?indicator=victim_persons&by=ageBandReta&${period}`);
    expect(persons.body.totals.grand.value).toBe(1);
    expect(persons.body.notes).toContain('distinct_persons_overlap');
  });

  it('filters by period (Lima time) and by any dimension', async () => {
    const year = await analyst.client.get('/api/v1/stats/query?indicator=victims&from=2024-01-01&to=2024-12-31');
    expect(year.body.totals.grand.value).toBe(2);
    const dept = await analyst.client.get('/api/v1/stats/query?indicator=victims&by=year&exploitationDepartment=17');
    expect(cell(dept.body, '2025').value).toBe(12);
    expect(dept.body.rows.map((r: any) => r.key)).toEqual(['2025']);
    const lima = await analyst.client.get('/api/v1/stats/query?indicator=victims&department=15');
    expect(lima.body.totals.grand.value).toBe(2);
    expect(lima.body.filters).toEqual({ registeringDepartment: ['15'] });
  });

  it('suppresses small counts and their complements for readers asking for the public version', async () => {
    const res = await analyst.client.get('/api/v1/stats/query?indicator=victims&by=sex&suppress=true');
    expect(res.body.exact).toBe(false);
    expect(cell(res.body, 'male').display).toBe('<10');
    expect(cell(res.body, 'male').value).toBeNull();
    // female (15) would reveal male as 17 − 15: it is hidden too.
    expect(cell(res.body, 'female').status).toBe('secondary');
    expect(res.body.notes).toContain('suppressed');
  });

  it('limits a supervisor to the figures of their own institution', async () => {
    const supervisor = await makeUser(registry, { roles: ['supervisor'], institutionId: police.institutionId, unitId: police.unitId, departments: ['08'] });
    const res = await supervisor.client.get('/api/v1/stats/query?indicator=victims&from=2025-01-01&to=2025-12-31');
    expect(res.body.totals.grand.value).toBe(15);
  });

  it('refuses unknown indicators and dimensions an indicator does not have', async () => {
    expect((await analyst.client.get('/api/v1/stats/query?indicator=nope')).status).toBe(400);
    const bad = await analyst.client.get('/api/v1/stats/query?indicator=cases&by=sex');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('stats.dimension_not_allowed');
    expect((await analyst.client.get('/api/v1/stats/query?indicator=cases&from=2025-02-01&to=2025-01-01')).status).toBe(400);
  });

  it('answers random and hostile queries with 200 or 400, never a server error', async () => {
    const word = fc.oneof(fc.constantFrom(...dimensionIds), fc.string({ maxLength: 12 }), fc.constantFrom("'; drop table cases; --", '%', '\\', 'unknown', '\u0000'));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...indicators.map((i) => i.id)), fc.string({ maxLength: 10 })),
        fc.array(word, { maxLength: 3 }),
        fc.constantFrom(...dimensionIds),
        fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('\u0000', "o'brien", '08', 'female')), { maxLength: 3 }),
        fc.option(fc.oneof(fc.constantFrom('2025-01-01', '2025-13-40', 'yesterday'), fc.string({ maxLength: 10 }))),
        async (indicator, by, filterDim, filterValues, from) => {
          const params = new URLSearchParams({ indicator, by: by.join(',') });
          if (filterValues.length) params.set(filterDim, filterValues.join(','));
          if (from !== null) params.set('from', from);
          const res = await analyst.client.get(`/api/v1/stats/query?${params.toString()}`);
          expect([200, 400]).toContain(res.status);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('requires a session and the stats.read permission', async () => {
    expect((await new ApiClient(registry.app).get('/api/v1/stats/query?indicator=cases')).status).toBe(401);
    expect((await police.client.get('/api/v1/stats/query?indicator=cases')).status).toBe(403);
    // The permission is checked before the query is validated: a malformed query tells an outsider nothing.
    expect((await new ApiClient(registry.app).get('/api/v1/stats/query?decimals=99')).status).toBe(401);
    expect((await police.client.get('/api/v1/stats/query?decimals=99')).status).toBe(403);
    expect((await police.client.get('/api/v1/stats/funnel?from=yesterday')).status).toBe(403);
  });
});

describe('definitions, derived views and public tables', () => {
  it('documents every indicator from its definition', async () => {
    const list = await analyst.client.get('/api/v1/stats/indicators');
    expect(list.status).toBe(200);
    expect(list.body.items.find((i: any) => i.id === 'victim_persons').name).toBe('Victims (distinct persons)');
    const md = await analyst.client.get('/api/v1/stats/definitions.md');
    expect(md.status).toBe(200);
    expect(md.body).toContain('(`below_minimum`)');
  });

  it('ranks routes from origin to exploitation', async () => {
    await makeCase(registry.deps, police, { registeredAt: new Date('2023-03-01T12:00:00Z'), victims: [{ originUbigeo: '080101' }, { originUbigeo: '080101' }], places: [{ kind: 'exploitation', ubigeo: '170101' }] });
    const res = await analyst.client.get('/api/v1/stats/routes?from=2023-01-01&to=2023-12-31');
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ rank: 1, origin: '08', destination: '17', value: 2, originLabel: 'Cusco' });
  });

  it('serves the funnel and durations', async () => {
    const funnel = await analyst.client.get('/api/v1/stats/funnel?from=2025-01-01&to=2025-12-31');
    expect(funnel.body.steps[0]).toMatchObject({ step: 'complaints', value: 13 });
    const durations = await analyst.client.get('/api/v1/stats/durations?from=2025-01-01&to=2025-12-31');
    expect(durations.status).toBe(200);
    expect(durations.body.registrationLagFromReport.medianDays).toBe(0);
    // Registered in May 2025 with no event since: every one of the 13 open cases is stale after 90 days.
    expect(durations.body.staleCases.value).toBe(13);
  });
});
