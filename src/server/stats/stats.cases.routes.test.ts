import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCase } from '../../../test/case-factory';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';

let registry: TestRegistry;
let analyst: MadeUser;
let limaAnalyst: MadeUser;
let cuscoPolice: MadeUser;
let limaPolice: MadeUser;
let cuscoSupervisor: MadeUser;
let otherSupervisor: MadeUser;
const cuscoCodes: string[] = [];
const limaCodes: string[] = [];

const period = 'from=2025-01-01&to=2025-12-31';
const casesOf = (body: any) => (body.cases as Array<{ code: string; records: number }>).map((c) => c.code).sort();
const tableCell = (body: any, row: string, col?: string) => {
  const i = body.rows.findIndex((r: any) => r.key === row);
  const j = col === undefined ? 0 : body.columns.findIndex((c: any) => c.key === col);
  return body.cells[i][j];
};

beforeAll(async () => {
  registry = await createTestRegistry();
  analyst = await makeUser(registry, { roles: ['analyst'], national: true });
  limaAnalyst = await makeUser(registry, { roles: ['analyst'], departments: ['15'] });
  cuscoPolice = await makeUser(registry, { roles: ['registrar'], departments: ['08'] });
  limaPolice = await makeUser(registry, { roles: ['registrar'], departments: ['15'] });
  cuscoSupervisor = await makeUser(registry, { roles: ['supervisor'], institutionId: cuscoPolice.institutionId, departments: ['08'] });
  otherSupervisor = await makeUser(registry, { roles: ['supervisor'], departments: ['08'] });
  const at = new Date('2025-05-10T15:00:00Z');
  // Cusco: 11 cases, one with a girl and a woman, ten with one woman each; Lima: 2 cases with a man each.
  const first = await makeCase(registry.deps, cuscoPolice, { registeredAt: at, victims: [{ sex: 'female', ageYears: 15 }, { sex: 'female', ageYears: 30 }] });
  cuscoCodes.push(first.case.code);
  for (let i = 0; i < 10; i++) cuscoCodes.push((await makeCase(registry.deps, cuscoPolice, { registeredAt: at, victims: [{ sex: 'female', ageYears: 25 }] })).case.code);
  for (let i = 0; i < 2; i++) limaCodes.push((await makeCase(registry.deps, limaPolice, { registeredAt: at, purposes: ['forced_labour'], victims: [{ sex: 'male', ageYears: 40 }] })).case.code);
});
afterAll(async () => registry?.close());

describe('GET /api/v1/stats/cases — the cases behind a figure', () => {
  it('lists, for a national analyst, exactly the cases of a cell, their records adding up to the figure', async () => {
    const q = `indicator=victims&by=registeringDepartment,sex&${period}`;
    const table = await analyst.client.get(`/api/v1/stats/query?${q}`);
    const figure = tableCell(table.body, '08', 'female');
    expect(figure.value).toBe(12);
    const res = await analyst.client.get(`/api/v1/stats/cases?${q}&row=08&column=female`);
    expect(res.status).toBe(200);
    expect(res.body.value).toBe(12);
    expect(casesOf(res.body)).toEqual([...cuscoCodes].sort());
    expect(res.body.cases.reduce((a: number, c: any) => a + c.records, 0)).toBe(12);
    expect(res.body.cases.find((c: any) => c.code === cuscoCodes[0]).records).toBe(2);
    expect(res.body.cases[0].departmentName).toBe('Cusco');
    // A margin (the column total) and the grand total follow the same engine conditions.
    const men = await analyst.client.get(`/api/v1/stats/cases?${q}&column=male`);
    expect(casesOf(men.body)).toEqual([...limaCodes].sort());
    const all = await analyst.client.get(`/api/v1/stats/cases?${q}`);
    expect(all.body.cases).toHaveLength(13);
    // Filters of the query apply: girls only (RETA band 14–17) is the one case.
    const girls = await analyst.client.get(`/api/v1/stats/cases?indicator=victims&by=sex&ageBandReta=14_17&${period}&row=female`);
    expect(casesOf(girls.body)).toEqual([cuscoCodes[0]]);
  });

  it('keeps an analyst of Lima to Lima: Cusco is not a cell of her table, and her total lists only Lima cases', async () => {
    const q = `indicator=cases&by=registeringDepartment&${period}`;
    const cusco = await limaAnalyst.client.get(`/api/v1/stats/cases?${q}&row=08`);
    expect(cusco.status).toBe(404);
    const all = await limaAnalyst.client.get(`/api/v1/stats/cases?${q}`);
    expect(all.status).toBe(200);
    expect(casesOf(all.body)).toEqual([...limaCodes].sort());
  });

  it('gives a supervisor only the cases of her institution, and another institution nothing', async () => {
    const q = `indicator=cases&${period}`;
    const own = await cuscoSupervisor.client.get(`/api/v1/stats/cases?${q}`);
    expect(own.status).toBe(200);
    expect(casesOf(own.body)).toEqual([...cuscoCodes].sort());
    const other = await otherSupervisor.client.get(`/api/v1/stats/cases?${q}`);
    expect(other.status).toBe(200);
    expect(other.body.value).toBe(0);
    expect(other.body.cases).toEqual([]);
  });

  it('refuses readers without statistics, and cells hidden by disclosure control', async () => {
    expect((await cuscoPolice.client.get(`/api/v1/stats/cases?indicator=cases&${period}`)).status).toBe(403);
    // In the published (suppressed) version, Lima's 2 cases are a primary suppression: no cases behind it.
    const q = `indicator=cases&by=registeringDepartment&${period}&suppress=true`;
    const table = await analyst.client.get(`/api/v1/stats/query?${q}`);
    expect(tableCell(table.body, '15').status).toBe('primary');
    const hidden = await analyst.client.get(`/api/v1/stats/cases?${q}&row=15`);
    expect(hidden.status).toBe(403);
    expect(hidden.body.error.code).toBe('stats.cell_suppressed');
    expect(JSON.stringify(hidden.body)).not.toContain(limaCodes[0]);
  });

  it('answers bad requests with field-level 4xx, never 500', async () => {
    const bad = [
      'indicator=nope',
      'indicator=cases&by=sex',
      `indicator=cases&column=x`,
      `indicator=cases&by=registeringDepartment&row=${encodeURIComponent('08\u0000')}`,
      'indicator=operations',
      'indicator=cases&limit=0',
    ];
    for (const q of bad) {
      const res = await analyst.client.get(`/api/v1/stats/cases?${q}`);
      expect(res.status, q).toBeGreaterThanOrEqual(400);
      expect(res.status, q).toBeLessThan(500);
    }
    expect((await analyst.client.get('/api/v1/stats/cases?indicator=operations')).body.error.code).toBe('stats.not_case_based');
  });
});
