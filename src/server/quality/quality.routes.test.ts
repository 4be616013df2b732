import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCase } from '../../../test/case-factory';
import { countryToday } from '../../core/country-date';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';

let registry: TestRegistry;
let supervisor: MadeUser;
let analyst: MadeUser;
let police: MadeUser;
let other: MadeUser;
const ids: Record<string, string> = {};

const exec = (q: ReturnType<typeof sql>) => registry.deps.db.execute(q) as unknown as Promise<{ rows: any[] }>;
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

beforeAll(async () => {
  registry = await createTestRegistry({ staleDays: 90 });
  police = await makeUser(registry, { roles: ['registrar'], departments: ['15'] });
  other = await makeUser(registry, { roles: ['registrar'], departments: ['15'] });
  supervisor = await makeUser(registry, { roles: ['supervisor'], institutionId: police.institutionId, unitId: police.unitId, departments: ['15'] });
  analyst = await makeUser(registry, { roles: ['analyst'], national: true });

  // A sound recent case: facts before registration, means, an exploitation place.
  ids.good = (await makeCase(registry.deps, police, { registeredAt: daysAgo(5), reportedOn: daysAgo(7).toISOString().slice(0, 10), factsDateFrom: '2024-05', places: [{ kind: 'exploitation', ubigeo: '15' }] })).case.id;
  // Stale: registered 200 days ago, nothing since.
  ids.stale = (await makeCase(registry.deps, police, { registeredAt: daysAgo(200), factsDateFrom: '2024-01', places: [{ kind: 'exploitation', ubigeo: '15' }] })).case.id;
  // Facts dated after the registration: registered 40 days ago, facts of this month.
  ids.future = (await makeCase(registry.deps, police, { registeredAt: daysAgo(40), factsDateFrom: countryToday().slice(0, 7), places: [{ kind: 'exploitation', ubigeo: '15' }] })).case.id;
  // A 15-year-old ruled "not a victim" on a case without means: consent taken as deciding.
  const child = await makeCase(registry.deps, police, { registeredAt: daysAgo(3), means: [], victims: [{ ageYears: 15, identificationStatus: 'not_a_victim' }] });
  ids.child = child.case.id;
  // A conviction with no charges, and with a suspect in another institution's case (never listed to the supervisor).
  for (const owner of [police, other]) {
    const made = await makeCase(registry.deps, owner, { registeredAt: daysAgo(2), suspects: [{ sex: 'male' }] });
    await exec(sql`insert into justice_events (case_id, suspect_id, type, stage, occurred_on, institution_id, decision)
      values (${made.case.id}, ${made.suspects[0]!.id}, 'decision', 'court', ${daysAgo(1).toISOString().slice(0, 10)}, ${owner.institutionId}, 'conviction')`);
    ids[owner === police ? 'convicted' : 'otherConvicted'] = made.case.id;
  }
});
afterAll(async () => registry?.close());

describe('GET /api/v1/quality', () => {
  it('summarises completeness, lags and inconsistencies per unit for a supervisor', async () => {
    const res = await supervisor.client.get('/api/v1/quality?groupBy=unit');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    const unit = res.body.items[0];
    expect(unit.key).toBe(police.unitId);
    expect(unit.label).toMatch(/^Unit /);
    expect(unit.cases).toBe(5);
    expect(unit.checks).toMatchObject({ stale: 1, facts_after_registration: 1, child_consent_sole_basis: 1, conviction_without_charge: 1, sentence_outside_range: 0, missing_exploitation_place: 2 });
    expect(unit.completeness.exploitationPlace).toBe('60.0');
    expect(unit.registrationLag.fromReportMedianDays).toBe(0);
    expect(res.body.totals.cases).toBe(5);
    expect(res.body.staleDays).toBe(90);
  });

  it('lets an analyst compare institutions', async () => {
    const res = await analyst.client.get('/api/v1/quality?groupBy=institution');
    expect(res.status).toBe(200);
    const keys = res.body.items.map((i: any) => i.key);
    expect(keys).toEqual(expect.arrayContaining([police.institutionId, other.institutionId]));
    expect(res.body.totals.checks.conviction_without_charge).toBe(2);
  });

  it('lists the offending cases, only those the reader may see', async () => {
    const mine = await supervisor.client.get('/api/v1/quality/cases?check=conviction_without_charge');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((i: any) => i.caseId)).toEqual([ids.convicted]);
    expect(mine.body.total).toBe(1);
    const stale = await supervisor.client.get('/api/v1/quality/cases?check=stale');
    expect(stale.body.items.map((i: any) => i.caseId)).toEqual([ids.stale]);
    const future = await supervisor.client.get('/api/v1/quality/cases?check=facts_after_registration');
    expect(future.body.items.map((i: any) => i.caseId)).toEqual([ids.future]);
    const child = await supervisor.client.get('/api/v1/quality/cases?check=child_consent_sole_basis');
    expect(child.body.items.map((i: any) => i.caseId)).toEqual([ids.child]);
  });

  it('requires quality.read and a known check', async () => {
    expect((await police.client.get('/api/v1/quality')).status).toBe(403);
    // The permission is checked before the query is validated.
    expect((await police.client.get('/api/v1/quality?groupBy=everything')).status).toBe(403);
    expect((await police.client.get('/api/v1/quality/cases?check=everything')).status).toBe(403);
    expect((await supervisor.client.get('/api/v1/quality/cases?check=everything')).status).toBe(400);
  });
});
