/**
 * Facts kept in the write transaction equal facts recomputed from scratch (`reta stats rebuild`), after
 * random seeded workloads entered through the API by users of several roles: registrations with exact,
 * estimated, unknown and birth-year ages and several purposes, victim edits, person edits, identification
 * status changes, justice events up to a conviction revoked on appeal, merges of duplicate persons,
 * transfers and removals. Each read of the statistics after a write sees it (one figure recomputed here
 * independently from what the test registered). Also: the demo generator, which inserts in bulk, ends with
 * the facts of everything it generated.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUnit, makeUser, type MadeUser } from '../../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../../test/registry';
import type { Db } from '../../../db/connect';
import { prepareRegistry } from '../../bootstrap';
import { generateDemoData } from '../../demo/generator';
import { resetDemoData } from '../../demo/reset';
import { candidatesFor, dni, word } from '../../matching/matching.test-helpers';
import type { DerivedQuery, StatsQuery } from '../../../contracts/stats';
import { createStatsService } from '../stats.service';
import { catchUpQueuedFacts, rebuildFacts } from './facts.rebuild';

/** mulberry32: a small seeded generator, so a failing workload can be replayed from its seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof rng>;

/** Every fact row, in a stable order, as plain values. */
async function snapshot(db: Db) {
  const read = async (table: string, key: string) =>
    ((await db.execute(sql`select * from ${sql.raw(table)} order by ${sql.raw(key)}`)) as unknown as { rows: Array<Record<string, unknown>> }).rows.map((r) =>
      JSON.parse(JSON.stringify(r)),
    );
  return {
    cases: await read('stats_case_facts', 'case_id'),
    victims: await read('stats_victim_facts', 'victim_id'),
    defendants: await read('stats_defendant_facts', 'suspect_id'),
    // The cubes and the repeat persons kept with the victim facts (src/server/stats/cubes).
    cubes: await read('stats_victim_cube', 'cube, period, owning_institution_id, owning_department, k1, k2'),
    repeatPersons: await read('stats_repeat_persons', 'person_id'),
  };
}

describe('facts kept in the write transaction', () => {
  let registry: TestRegistry;
  let police: MadeUser;
  let supervisor: MadeUser;
  let prosecutor: MadeUser;
  let clerk: MadeUser;
  let analyst: MadeUser;
  let otherUnit: string;

  beforeAll(async () => {
    registry = await createTestRegistry();
    police = await makeUser(registry, { roles: ['investigator'], departments: ['08'], national: true });
    supervisor = await makeUser(registry, { roles: ['supervisor'], institutionId: police.institutionId, unitId: police.unitId, departments: ['08'], national: true });
    prosecutor = await makeUser(registry, { roles: ['prosecutor'], national: true });
    clerk = await makeUser(registry, { roles: ['court_clerk'], national: true });
    analyst = await makeUser(registry, { roles: ['analyst'], national: true });
    otherUnit = (await makeUnit(registry.deps, police.institutionId, '15')).id;
  }, 180_000);
  afterAll(async () => registry?.close());

  const ok = (res: { status: number; body: any }, expected: number, what: string) => {
    if (res.status !== expected) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  function randomVictim(r: Rng, identity?: Record<string, unknown>) {
    const age = r.pick(['exact', 'estimated', 'birthYear', 'band', 'none'] as const);
    const fields: Record<string, unknown> = { consentToServices: true };
    const person: Record<string, unknown> = { sex: r.pick(['female', 'female', 'male', 'unknown']), hasIdentityDocument: 'unknown', nationalities: [r.pick(['PER', 'VEN', 'COL'])], originUbigeo: r.pick(['08', '15', '17']) };
    if (age === 'exact') Object.assign(fields, { ageYears: 10 + r.int(30), ageVerified: r.chance(0.5) });
    if (age === 'estimated') Object.assign(fields, { ageYears: 15 + r.int(8), ageEstimated: true });
    if (age === 'birthYear') person.birthYear = 1985 + r.int(20);
    if (age === 'band') fields.ageBand = r.pick(['under_14', '14_17', 'under_18', '18_plus']);
    if (r.chance(0.3)) fields.exploitationForms = [r.pick(['forced_labour', 'forced_begging', 'sexual_exploitation'])];
    if (identity) person.identity = identity;
    return { person, ...fields };
  }

  async function register(r: Rng, extraVictim?: Record<string, unknown>) {
    const victims: Array<Record<string, unknown>> = Array.from({ length: 1 + r.int(2) }, () => randomVictim(r));
    if (extraVictim) victims.push(extraVictim);
    const body = {
      source: r.pick(['complaint', 'police_operation', 'ex_officio']),
      reportedOn: '2024-02-10',
      factsDateFrom: r.pick(['2016', '2019-05', '2023-11-02']),
      acts: ['recruitment'],
      means: ['deception'],
      purposes: r.chance(0.3) ? ['sexual_exploitation', 'forced_labour'] : [r.pick(['sexual_exploitation', 'forced_labour', 'forced_begging', 'sale_of_children'])],
      sectors: [r.pick(['mining', 'agriculture', 'domestic_work'])],
      places: [{ kind: 'exploitation', ubigeo: r.pick(['08', '15', '17']) }],
      victims,
      suspects: Array.from({ length: 1 + r.int(2) }, () => ({ person: { sex: r.pick(['male', 'female']), birthYear: 1960 + r.int(40), nationalities: ['PER'] } })),
    };
    return ok(await police.client.withReason('registering the complaint').post('/api/v1/cases', body), 201, 'register');
  }

  const event = async (user: MadeUser, caseId: string, suspectId: string, body: Record<string, unknown>) =>
    ok(await user.client.post(`/api/v1/cases/${caseId}/suspects/${suspectId}/events`, body), 201, String(body.type));

  /** Police to court, a conviction with a sentence; sometimes revoked on appeal. */
  async function justice(r: Rng, caseId: string, suspectId: string) {
    await event(police, caseId, suspectId, { type: 'arrest', occurredOn: '2024-03-01' });
    await event(police, caseId, suspectId, { type: 'police_report_sent', occurredOn: '2024-03-10', receivingInstitutionId: prosecutor.institutionId });
    if (r.chance(0.25)) return event(prosecutor, caseId, suspectId, { type: 'archived', occurredOn: '2024-04-01', archiveReason: 'insufficient_evidence' });
    await event(prosecutor, caseId, suspectId, { type: 'charges_filed', occurredOn: '2024-05-01', articles: [{ number: '153' }], receivingInstitutionId: clerk.institutionId });
    if (r.chance(0.3)) return;
    await event(clerk, caseId, suspectId, { type: 'decision', occurredOn: '2025-01-10', decision: 'conviction', articles: [{ number: '153' }] });
    await event(clerk, caseId, suspectId, { type: 'sentence', occurredOn: '2025-01-10', sentence: { years: r.pick([3, 8, 12, 20]), months: 0, effective: r.chance(0.8) } });
    if (r.chance(0.5)) {
      await event(clerk, caseId, suspectId, { type: 'appeal_filed', occurredOn: '2025-02-01' });
      await event(clerk, caseId, suspectId, { type: 'appeal_decided', occurredOn: '2025-06-01', appealOutcome: r.pick(['revoked', 'confirmed']) });
    }
  }

  async function victimsFigure() {
    const res = ok(await analyst.client.get(`/api/v1/stats/query?indicator=victims&institution=${police.institutionId}`), 200, 'stats');
    return res.totals.grand.value as number;
  }

  for (const seed of [11, 29]) {
    it(`equals a rebuild after a random workload (seed ${seed})`, async () => {
      const r = rng(seed);
      const registeredBefore = await victimsFigure();
      const casesBefore = (await snapshot(registry.deps.db)).cases.length;
      /** Victims the statistics should count: live, not marked "not a victim". */
      const counted = new Set<string>();
      const made: any[] = [];
      for (let i = 0; i < 4; i++) {
        const c = await register(r);
        made.push(c);
        for (const v of c.victims) counted.add(v.id);
      }
      expect(await victimsFigure()).toBe(registeredBefore + counted.size);

      // A duplicate person registered twice, then merged by a supervisor.
      const identity = { givenNames: word(), familyNames: word(), document: { type: 'dni', number: dni() } };
      const a = await register(r, randomVictim(r, identity));
      const b = await register(r, randomVictim(r, identity));
      made.push(a, b);
      for (const v of [...a.victims, ...b.victims]) counted.add(v.id);
      const dup = b.victims[b.victims.length - 1];
      ok(await police.client.post(`/api/v1/matching/scan/${dup.personId}`), 200, 'scan');
      const [candidate] = await candidatesFor(supervisor, dup.personId);
      ok(await supervisor.client.post(`/api/v1/matching/candidates/${candidate.id}/confirm`, { version: candidate.version }), 200, 'merge');

      // Every kind of change at least twice, in a random order.
      const actions = (['editVictim', 'identify', 'justice', 'transfer', 'removeVictim', 'editPerson', 'place'] as const).flatMap((a) => [a, a]);
      for (let i = actions.length - 1; i > 0; i--) {
        const j = r.int(i + 1);
        [actions[i], actions[j]] = [actions[j]!, actions[i]!];
      }
      for (const action of actions) {
        const c = r.pick(made);
        const current = ok(await police.client.withReason('reviewing the case').get(`/api/v1/cases/${c.id}`), 200, 'get');
        const v = current.victims.length ? r.pick(current.victims as any[]) : null;
        if (action === 'editVictim' && v) {
          ok(await police.client.patch(`/api/v1/cases/${c.id}/victims/${v.id}`, { ageYears: 12 + r.int(20), ageVerified: r.chance(0.5), version: v.version }), 200, 'edit victim');
        } else if (action === 'identify' && v) {
          const status = r.pick(['confirmed_victim', 'not_a_victim', 'possible_victim']);
          ok(await police.client.patch(`/api/v1/victims/${v.id}/identification`, { identificationStatus: status, identifiedOn: '2024-03-02', version: v.version }), 200, 'identify');
          if (status === 'not_a_victim') counted.delete(v.id);
          else counted.add(v.id);
        } else if (action === 'justice' && current.suspects.length) {
          await justice(r, c.id, r.pick(current.suspects as any[]).id);
        } else if (action === 'transfer') {
          const unitId = current.unitId === otherUnit ? police.unitId : otherUnit;
          ok(await police.client.post(`/api/v1/cases/${c.id}/transfer`, { unitId, version: current.version }), 200, 'transfer');
        } else if (action === 'removeVictim' && v && current.victims.length > 1) {
          ok(await police.client.delete(`/api/v1/cases/${c.id}/victims/${v.id}?version=${v.version}`), 204, 'remove victim');
          counted.delete(v.id);
        } else if (action === 'editPerson' && v) {
          const person = ok(await police.client.withReason('correcting the record').get(`/api/v1/persons/${v.personId}`), 200, 'person');
          ok(await police.client.withReason('correcting the record').patch(`/api/v1/persons/${v.personId}`, { sex: r.pick(['female', 'male']), birthYear: 1990 + r.int(15), version: person.version }), 200, 'edit person');
        } else if (action === 'place') {
          ok(await police.client.post(`/api/v1/cases/${c.id}/places`, { kind: 'exploitation', ubigeo: r.pick(['08', '15', '17', '21']) }), 201, 'place');
        }
        // Kept in the write's own transaction: nothing is left queued once the request has answered.
        const queued = (await registry.deps.db.execute(sql`select count(*)::int as n from stats_fact_queue`)) as unknown as { rows: Array<{ n: number }> };
        expect(queued.rows[0]!.n).toBe(0);
        // Live: the write is in the next read.
        expect(await victimsFigure()).toBe(registeredBefore + counted.size);
      }

      const incremental = await snapshot(registry.deps.db);
      expect(incremental.cases.length).toBe(made.length + casesBefore);
      await rebuildFacts(registry.deps.db, { batch: 3 });
      const rebuilt = await snapshot(registry.deps.db);
      expect(rebuilt).toEqual(incremental);
      // The cubes were kept (not vacuously equal), and the merged person is a repeat person.
      expect(incremental.cubes.length).toBeGreaterThan(0);
      expect(incremental.repeatPersons.length).toBeGreaterThan(0);
      expect(incremental.cubes.filter((c) => String(c.cube).startsWith('pending_')).length).toBeGreaterThan(0);
      await expectCubesAnswerAsFacts(registry);
    }, 300_000);
  }
});

/** The engine's figures read from the cubes equal the same figures read from the victim facts. */
async function expectCubesAnswerAsFacts(registry: TestRegistry) {
  const fromCubes = createStatsService(registry.deps);
  const fromFacts = createStatsService(registry.deps, { cubes: false });
  const queries: Array<Omit<StatsQuery, 'decimals'>> = [
    { indicator: 'victims' },
    { indicator: 'victims', by: ['purpose'] },
    { indicator: 'victims', by: ['exploitationDepartment'] },
    { indicator: 'victims', by: ['ageBandReta', 'sex'] },
    { indicator: 'victims', by: ['originDepartment'], from: '2024-01-01', to: '2024-12-31' },
    { indicator: 'victims', by: ['purposeGroup', 'year'] },
    { indicator: 'victims', by: ['month'], unodcCategory: ['girl', 'boy'] },
    { indicator: 'victims', by: ['owningDepartment', 'purpose'] },
    { indicator: 'victim_persons' },
    { indicator: 'victim_persons', by: ['unodcCategory'] },
    { indicator: 'victim_persons', by: ['purpose', 'sex'] },
    { indicator: 'victim_persons', by: ['originDepartment', 'exploitationDepartment'] },
    // Defendants pending at year end: the open runs spread over the years up to today, as the facts path does.
    { indicator: 'pending_year_end' },
    { indicator: 'pending_year_end', by: ['year'] },
    { indicator: 'pending_year_end', by: ['stage', 'year'] },
    { indicator: 'pending_year_end', by: ['sex'], from: '2024-01-01', to: '2025-12-31' },
    { indicator: 'pending_year_end', by: ['registeringDepartment', 'month'] },
    { indicator: 'pending_year_end', by: ['quarter'], stage: ['none', 'police'] },
  ];
  for (const exact of [true, false]) {
    for (const q of queries) {
      const query = { decimals: 1, ...q } as StatsQuery;
      expect(await fromCubes.systemQuery(query, { exact }), JSON.stringify(q)).toEqual(await fromFacts.systemQuery(query, { exact }));
    }
    expect(await fromCubes.routes(null, { limit: 10 } as DerivedQuery, { exact })).toEqual(await fromFacts.routes(null, { limit: 10 } as DerivedQuery, { exact }));
  }
}

describe('facts of the demo generator', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await createTestRegistry();
  });
  afterAll(async () => registry?.close());

  it('ends with the facts of every case it generated, equal to a rebuild', async () => {
    await generateDemoData(registry.deps, { victims: 120, seed: 5, asOf: new Date('2026-06-30T00:00:00Z'), batchVictims: 50 });
    const generated = await snapshot(registry.deps.db);
    const cases = (await registry.deps.db.execute(sql`select count(*)::int as n from cases`)) as unknown as { rows: Array<{ n: number }> };
    expect(generated.cases.length).toBe(cases.rows[0]!.n);
    expect(generated.victims.length).toBeGreaterThan(0);
    await rebuildFacts(registry.deps.db);
    expect(await snapshot(registry.deps.db)).toEqual(generated);
    await expectCubesAnswerAsFacts(registry);
    // A registry upgraded from before the cubes (facts, no cubes) gets them at start-up.
    await registry.deps.db.execute(sql`delete from stats_victim_cube`);
    await registry.deps.db.execute(sql`delete from stats_repeat_persons`);
    await prepareRegistry(registry.config, registry.deps.database);
    expect(await snapshot(registry.deps.db)).toEqual(generated);
    // A registry upgraded from before the fact tables (records, no facts) gets them at start-up.
    await registry.deps.db.execute(sql`truncate stats_case_facts, stats_victim_facts, stats_defendant_facts`);
    await prepareRegistry(registry.config, registry.deps.database);
    expect(await snapshot(registry.deps.db)).toEqual(generated);
    // Changes made with SQL outside the registry (each statement its own transaction) queue their cases; the
    // start-up catches them up in batches of their own, before any other write could take the whole queue.
    await registry.deps.db.execute(sql`update persons set sex = case when sex = 'female' then 'male' else 'female' end
      where id in (select person_id from case_victims order by id limit 7)`);
    await registry.deps.db.execute(sql`update cases set purposes = array['forced_labour'] where id in (select id from cases order by id limit 5)`);
    const queued = async () => ((await registry.deps.db.execute(sql`select count(distinct case_id)::int as n from stats_fact_queue`)) as unknown as { rows: Array<{ n: number }> }).rows[0]!.n;
    expect(await queued()).toBeGreaterThan(5);
    const stale = await snapshot(registry.deps.db);
    const caughtUp: number[] = [];
    await catchUpQueuedFacts(registry.deps.db, { batch: 2, onProgress: (n) => caughtUp.push(n) });
    expect(await queued()).toBe(0);
    expect(caughtUp.length).toBeGreaterThan(2);
    const afterCatchUp = await snapshot(registry.deps.db);
    expect(afterCatchUp).not.toEqual(stale);
    await rebuildFacts(registry.deps.db);
    expect(await snapshot(registry.deps.db)).toEqual(afterCatchUp);
    // The same through the start-up.
    await registry.deps.db.execute(sql`update cases set purposes = array['sexual_exploitation'] where id in (select id from cases order by id limit 5)`);
    expect(await queued()).toBeGreaterThan(0);
    await prepareRegistry(registry.config, registry.deps.database);
    expect(await queued()).toBe(0);
    const started = await snapshot(registry.deps.db);
    await rebuildFacts(registry.deps.db);
    expect(await snapshot(registry.deps.db)).toEqual(started);
    // Wiping the demo data (TRUNCATE … CASCADE) empties the facts with it.
    await resetDemoData(registry.deps);
    expect(await snapshot(registry.deps.db)).toEqual({ cases: [], victims: [], defendants: [], cubes: [], repeatPersons: [] });
  }, 240_000);
});
