import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCase } from '../../../test/case-factory';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';

let registry: TestRegistry;
let analyst: MadeUser;
let supervisor: MadeUser;
let police: MadeUser;
const period = 'from=2025-01-01&to=2025-12-31';
const item = (body: any, code: string) => body.items.find((i: any) => i.code === code);

beforeAll(async () => {
  registry = await createTestRegistry();
  analyst = await makeUser(registry, { roles: ['analyst'], national: true });
  police = await makeUser(registry, { roles: ['registrar'], departments: ['08'] });
  const otherPolice = await makeUser(registry, { roles: ['registrar'], departments: ['15'] });
  supervisor = await makeUser(registry, { roles: ['supervisor'], institutionId: otherPolice.institutionId, departments: ['15'] });
  const at = new Date('2025-05-10T15:00:00Z');
  // Cusco (0801): 11 victims in 11 cases; La Convención (0809): 2 victims, one of them in a case exploited in both.
  for (let i = 0; i < 10; i++) await makeCase(registry.deps, police, { registeredAt: at, places: [{ kind: 'exploitation', ubigeo: '080101' }] });
  await makeCase(registry.deps, police, { registeredAt: at, places: [{ kind: 'exploitation', ubigeo: '080101' }, { kind: 'exploitation', ubigeo: '080901' }] });
  await makeCase(registry.deps, otherPolice, { registeredAt: at, places: [{ kind: 'exploitation', ubigeo: '080901' }] });
  // Exploited elsewhere: not in Cusco's provinces.
  await makeCase(registry.deps, otherPolice, { registeredAt: at, places: [{ kind: 'exploitation', ubigeo: '150101' }] });
});
afterAll(async () => registry?.close());

describe('GET /api/v1/stats/provinces — the map drill-down', () => {
  it('breaks a department down by the provinces of its places of exploitation, counting a record once in the total', async () => {
    const res = await analyst.client.get(`/api/v1/stats/provinces?indicator=victims&department=08&${period}`);
    expect(res.status).toBe(200);
    expect(res.body.exact).toBe(true);
    expect(item(res.body, '0801').value).toBe(11);
    expect(item(res.body, '0809').value).toBe(2);
    expect(res.body.total.value).toBe(12);
    expect(item(res.body, '1501')).toBeUndefined();
    // The same total as the department in the engine's own table.
    const table = await analyst.client.get(`/api/v1/stats/query?indicator=victims&by=exploitationDepartment&${period}`);
    const i = table.body.rows.findIndex((r: any) => r.key === '08');
    expect(table.body.cells[i][0].value).toBe(res.body.total.value);
  });

  it('applies the engine disclosure control in the published version, and the reader scope always', async () => {
    const hidden = await analyst.client.get(`/api/v1/stats/provinces?indicator=victims&department=08&${period}&suppress=true`);
    expect(hidden.body.exact).toBe(false);
    expect(item(hidden.body, '0809')).toMatchObject({ value: null, display: '<10', status: 'primary' });
    // The supervisor counts only her institution's records: the one victim in La Convención.
    const own = await supervisor.client.get(`/api/v1/stats/provinces?indicator=victims&department=08&${period}`);
    expect(own.body.items).toEqual([expect.objectContaining({ code: '0809', value: 1 })]);
    expect((await police.client.get(`/api/v1/stats/provinces?indicator=victims&department=08`)).status).toBe(403);
  });

  it('answers bad requests with 4xx', async () => {
    for (const q of ['indicator=victims&department=8', 'indicator=victims', 'indicator=operations&department=08', 'indicator=sentence_median_months&department=08', 'indicator=nope&department=08']) {
      const res = await analyst.client.get(`/api/v1/stats/provinces?${q}`);
      expect(res.status, q).toBeGreaterThanOrEqual(400);
      expect(res.status, q).toBeLessThan(500);
    }
  });
});
