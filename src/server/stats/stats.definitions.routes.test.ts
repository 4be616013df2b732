/**
 * The corrected definitions of issue 9 ("Definitions to correct", items 1–9), each through the real
 * registration path: cases, people, justice events, merges, transfers and calls are registered through
 * the API by users of several roles (never inserted with SQL), then the figure is read back through the
 * statistics API (and, where one exists, the record's own view, which must agree).
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { makeInstitution, makeUnit, makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { addUbigeos, callInput, makeSeatedUnit } from '../hotline/hotline.test-helpers';
import { candidatesFor, dni, word } from '../matching/matching.test-helpers';

let registry: TestRegistry;
let analyst: MadeUser;
let prosecutor: MadeUser;
let clerk: MadeUser;

beforeAll(async () => {
  registry = await createTestRegistry();
  analyst = await makeUser(registry, { roles: ['analyst'], national: true });
  prosecutor = await makeUser(registry, { roles: ['prosecutor'], national: true });
  clerk = await makeUser(registry, { roles: ['court_clerk'], national: true });
});
afterAll(async () => registry?.close());

/** A police investigator with a unit of its own in a department: its unit id isolates each test's figures. */
const newPolice = (department = '08') => makeUser(registry, { roles: ['investigator'], departments: [department] });

async function register(user: MadeUser, body: Record<string, unknown>) {
  const res = await user.client.withReason('registering the complaint').post('/api/v1/cases', {
    source: 'complaint', reportedOn: '2026-01-15', acts: ['recruitment'], purposes: ['sexual_exploitation'], means: ['deception'], ...body,
  });
  if (res.status !== 201) throw new Error(`case: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; version: number; victims: any[]; suspects: any[] };
}

const victim = (person: Record<string, unknown>, fields: Record<string, unknown> = {}) => ({
  person: { sex: 'female', hasIdentityDocument: 'unknown', nationalities: ['PER'], ...person },
  consentToServices: true,
  ...fields,
});

async function query(params: string) {
  const res = await analyst.client.get(`/api/v1/stats/query?${params}`);
  expect(res.status).toBe(200);
  return res.body;
}
const cells = (body: any): Record<string, number | null> =>
  Object.fromEntries(body.rows.map((r: any, i: number) => [r.key, body.cells[i][0].value]));

async function event(user: MadeUser, caseId: string, suspectId: string, body: Record<string, unknown>) {
  const res = await user.client.post(`/api/v1/cases/${caseId}/suspects/${suspectId}/events`, body);
  if (res.status !== 201) throw new Error(`${String(body.type)}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Arrest and police report (police), charges under 153 (prosecution), sending the defendant to court. */
async function toCourt(police: MadeUser, caseId: string, suspectId: string) {
  await event(police, caseId, suspectId, { type: 'arrest', occurredOn: '2016-06-01' });
  await event(police, caseId, suspectId, { type: 'police_report_sent', occurredOn: '2016-06-20', receivingInstitutionId: prosecutor.institutionId });
  await event(prosecutor, caseId, suspectId, { type: 'charges_filed', occurredOn: '2017-02-01', articles: [{ number: '153' }], receivingInstitutionId: clerk.institutionId });
}

describe('1. presumption of minority', () => {
  it('counts an exact unverified 19 as a woman of 18–30, an estimated 19 as a presumed girl, and derives an age from the birth year at the facts', async () => {
    const police = await newPolice();
    const made = await register(police, {
      factsDateFrom: '2016-05',
      victims: [
        victim({}, { ageYears: 19, ageVerified: false }),
        victim({}, { ageYears: 19, ageEstimated: true }),
        // No age: born in 2000, facts in 2016 → 16 at the facts (an estimate from the year).
        victim({ birthYear: 2000 }),
        // A birth date only: its year is kept, and the age at the facts follows from it.
        victim({ identity: { givenNames: word(), birthDate: '1990-08-01' } }),
        victim({}, { ageYears: 16, ageVerified: true }),
      ],
    });
    const unit = `unit=${police.unitId}`;
    expect(cells(await query(`indicator=victims&by=unodcCategory&${unit}`))).toEqual({ girl: 3, woman: 2 });
    expect(cells(await query(`indicator=victims&by=ageGroup&${unit}`))).toEqual({ adult: 2, presumed_child: 2, child: 1 });
    expect(cells(await query(`indicator=victims&by=ageBandReta&${unit}`))).toEqual({ '14_17': 2, '18_30': 3 });

    // The victim view of the API says the same, from the same rule.
    const view = await police.client.get(`/api/v1/cases/${made.id}`);
    expect(view.body.victims.map((v: any) => v.ageGroup)).toEqual(['adult', 'presumed_child', 'presumed_child', 'adult', 'child']);
  });
});

describe('2. sentences count while they stand', () => {
  it('drops a conviction revoked on appeal from sentences, the median and the bands', async () => {
    const police = await newPolice();
    const made = await register(police, { factsDateFrom: '2016', victims: [victim({}, { ageYears: 25 })], suspects: [{ person: { sex: 'male' } }, { person: { sex: 'male' } }] });
    const [revoked, standing] = made.suspects.map((s: any) => s.id as string);
    for (const [suspect, months] of [[revoked!, 240], [standing!, 100]] as const) {
      await toCourt(police, made.id, suspect);
      await event(clerk, made.id, suspect, { type: 'decision', occurredOn: '2018-03-01', decision: 'conviction', articles: [{ number: '153' }] });
      await event(clerk, made.id, suspect, { type: 'sentence', occurredOn: '2018-03-01', sentence: { years: Math.floor(months / 12), months: months % 12, effective: true } });
    }
    const unit = `unit=${police.unitId}`;
    expect((await query(`indicator=sentences&${unit}`)).totals.grand.value).toBe(2);
    await event(clerk, made.id, revoked!, { type: 'appeal_filed', occurredOn: '2018-04-01' });
    await event(clerk, made.id, revoked!, { type: 'appeal_decided', occurredOn: '2018-09-01', appealOutcome: 'revoked' });

    expect((await query(`indicator=sentences&${unit}`)).totals.grand.value).toBe(1);
    expect((await query(`indicator=sentence_median_months&${unit}`)).totals.grand.value).toBe(100);
    expect(cells(await query(`indicator=sentences&by=sentenceBand&${unit}`))).toEqual({ '8y_to_under_12y': 1 });
    // The conviction happened and stays among convictions; the justice view agrees the sentence is gone.
    expect((await query(`indicator=convictions&${unit}`)).totals.grand.value).toBe(2);
    const justice = await analyst.client.get(`/api/v1/cases/${made.id}/justice`);
    expect(justice.body.defendants.find((d: any) => d.suspectId === revoked).sentence).toBeNull();
  });
});

describe('3. GLOTIP purpose groups', () => {
  it('gives each case one group — mixed for sexual and labour, forced begging under other — adding up to the total', async () => {
    const police = await newPolice();
    await register(police, { purposes: ['sexual_exploitation', 'forced_labour'] });
    await register(police, { purposes: ['forced_begging'] });
    await register(police, { purposes: ['sexual_exploitation', 'forced_begging'] });
    await register(police, { purposes: ['domestic_servitude'] });
    const body = await query(`indicator=cases&by=purposeGroup&unit=${police.unitId}`);
    expect(cells(body)).toEqual({ mixed: 1, other: 1, sexual: 1, labour: 1 });
    expect(body.totals.grand.value).toBe(4);
    expect(body.notes).not.toContain('multi_select_overlap');
    // A victim's own forms decide the victim's group.
    const own = await register(police, { purposes: ['sexual_exploitation'], victims: [victim({}, { ageYears: 30, exploitationForms: ['forced_begging'] })] });
    expect(own.victims).toHaveLength(1);
    expect(cells(await query(`indicator=victims&by=purposeGroup&unit=${police.unitId}`))).toMatchObject({ other: 1 });
  });
});

describe('4. a merged person is one person', () => {
  it('counts and routes the merged victim with the surviving record’s attributes', async () => {
    const police = await newPolice('17');
    const supervisor = await makeUser(registry, { roles: ['supervisor'], institutionId: police.institutionId, departments: ['17'] });
    const [given, family, number] = [word(), word(), dni()];
    const identity = { givenNames: given, familyNames: family, document: { type: 'dni', number } };
    const places = [{ kind: 'exploitation', ubigeo: '17' }];
    // The older record (kept): a woman from Cusco. The newer one says male, from Lima.
    const first = await register(police, { places, victims: [victim({ sex: 'female', originUbigeo: '08', birthYear: 2000, identity }, { ageYears: 25 })] });
    const second = await register(police, { places, victims: [victim({ sex: 'male', originUbigeo: '15', identity }, { ageYears: 25 })] });
    const unit = `unit=${police.unitId}`;
    expect(cells(await query(`indicator=victims&by=sex&${unit}`))).toEqual({ female: 1, male: 1 });

    const scan = await police.client.post(`/api/v1/matching/scan/${second.victims[0].personId}`);
    expect(scan.status).toBe(200);
    const [candidate] = await candidatesFor(supervisor, second.victims[0].personId);
    const confirmed = await supervisor.client.post(`/api/v1/matching/candidates/${candidate.id}/confirm`, { version: candidate.version });
    expect(confirmed.status).toBe(200);

    expect(cells(await query(`indicator=victims&by=sex&${unit}`))).toEqual({ female: 2 });
    expect(cells(await query(`indicator=victims&by=originDepartment&${unit}`))).toEqual({ '08': 2 });
    expect((await query(`indicator=victim_persons&${unit}`)).totals.grand.value).toBe(1);
    const routes = await analyst.client.get(`/api/v1/stats/routes?${unit}`);
    expect(routes.body.items.map((r: any) => [r.origin, r.destination, r.value])).toEqual([['08', '17', 2]]);
    // The merge records which attributes were set aside for the surviving record's.
    const [entry] = await registry.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'person.merge'), eq(auditLog.entityId, candidate.id)));
    expect((entry!.details as any).kept).toEqual({ attributesOf: 'survivor', differing: expect.arrayContaining(['sex', 'birthYear', 'originUbigeo']) });
    expect(first.victims[0].personId).not.toBe(second.victims[0].personId);
  });
});

describe('5. a transfer keeps the registering unit', () => {
  it('counts a transferred case under the department and unit that registered it; the owning unit is its own dimension', async () => {
    const police = await newPolice('08');
    const lima = await makeUnit(registry.deps, police.institutionId, '15');
    const made = await register(police, {});
    const moved = await police.client.post(`/api/v1/cases/${made.id}/transfer`, { unitId: lima.id, version: made.version });
    expect(moved.status).toBe(200);
    const body = await query(`indicator=cases&by=registeringDepartment,owningDepartment&unit=${police.unitId}`);
    expect(body.totals.grand.value).toBe(1);
    expect(body.rows.map((r: any) => r.key)).toEqual(['08']);
    expect(body.columns.map((c: any) => c.key)).toEqual(['15']);
    expect(cells(await query(`indicator=cases&by=owningUnit&unit=${police.unitId}`))).toEqual({ [lima.id]: 1 });
    expect((await query(`indicator=cases&unit=${lima.id}`)).totals.grand.value).toBe(0);
  });
});

describe('6. funnel', () => {
  it('counts a case archived right after the police report as investigated', async () => {
    const police = await newPolice();
    const made = await register(police, { factsDateFrom: '2016', suspects: [{ person: { sex: 'male' } }] });
    const suspect = made.suspects[0].id;
    await event(police, made.id, suspect, { type: 'police_report_sent', occurredOn: '2016-06-20', receivingInstitutionId: prosecutor.institutionId });
    await event(prosecutor, made.id, suspect, { type: 'archived', occurredOn: '2016-07-02', archiveReason: 'insufficient_evidence' });
    const funnel = await analyst.client.get(`/api/v1/stats/funnel?unit=${police.unitId}`);
    expect(funnel.status).toBe(200);
    expect(Object.fromEntries(funnel.body.steps.map((s: any) => [s.step, s.value]))).toMatchObject({ complaints: 1, investigated: 1, charged: 0 });
  });
});

describe('7. one hotline outcome', () => {
  it('gives a call whose linked case has an arrest the same outcome in the call view, the statistics and the monthly figures', async () => {
    await addUbigeos(registry.deps, ['2101', '210101']);
    const operator = await makeUser(registry, { roles: ['hotline_operator'], national: true });
    const pnp = await makeInstitution(registry.deps, 'police');
    const post = await makeSeatedUnit(registry.deps, pnp.id, '210101');
    const police = await makeUser(registry, { roles: ['investigator'], institutionId: pnp.id, unitId: post.id, departments: ['21'] });
    const call = await operator.client.post('/api/v1/hotline/calls', callInput({ ubigeo: '210101', receivedAt: '2025-03-04T15:20:00-05:00' }));
    expect(call.status).toBe(201);
    expect(call.body.referral.unitId).toBe(post.id);

    const made = await register(police, { source: 'hotline', factsDateFrom: '2025-03', suspects: [{ person: { sex: 'male' } }] });
    await event(police, made.id, made.suspects[0].id, { type: 'arrest', occurredOn: '2025-03-05' });
    const linked = await police.client.post(`/api/v1/hotline/calls/${call.body.id}/case-link`, { caseId: made.id, version: call.body.version });
    expect(linked.status).toBe(200);
    expect(linked.body.outcome).toBe('arrests');

    const byOutcome = await query(`indicator=hotline_calls&by=hotlineOutcome&institution=${operator.institutionId}`);
    expect(cells(byOutcome)).toEqual({ arrests: 1 });
    expect((await query(`indicator=hotline_arrests&institution=${operator.institutionId}`)).totals.grand.value).toBe(1);
    const monthly = await operator.client.get('/api/v1/hotline/stats/monthly?year=2025');
    expect(monthly.status).toBe(200);
    expect(monthly.body.months[2]).toMatchObject({ month: 3, total: 1, arrests: 1 });
    expect(monthly.body.months[2].byOutcome).toMatchObject({ arrests: 1, case_linked: 0 });
    // The referred police unit sees the same call in the same figures, and nothing else of the hotline's.
    const policeMonthly = await police.client.get('/api/v1/hotline/stats/monthly?year=2025');
    expect(policeMonthly.body.months[2]).toMatchObject({ total: 1, arrests: 1 });
  });
});

describe('8. measure fields', () => {
  it('sums only fields the counting unit has (the engine refuses a missing one instead of answering 0)', async () => {
    const { allSources: sources } = await import('./sources');
    const { indicators, measureFields } = await import('../../core/stats/indicators');
    for (const [unit, fields] of Object.entries(measureFields)) {
      expect(Object.keys((sources as any)[unit].values ?? {}).sort()).toEqual([...fields].sort());
    }
    const { runAggregate } = await import('./stats.query');
    const wrong = { ...indicators.find((i) => i.id === 'prevention_participants')!, unit: 'case' as const };
    await expect(runAggregate(registry.deps, wrong, { by: [] }, null)).rejects.toThrow(/measure field participants/);
  });
});

describe('9. facts straddling a change of law', () => {
  it('charges under the regime in force when the facts began and flags favourability when a later regime is milder', async () => {
    const police = await newPolice();
    // Facts from June 2020 into June 2021, across Law 31146 (2021-03-30), which renumbered 153 as 129-A.
    const made = await register(police, { factsDateFrom: '2020-06-01', factsDateTo: '2021-06', suspects: [{ person: { sex: 'male' } }] });
    const suspect = made.suspects[0].id;
    await event(police, made.id, suspect, { type: 'police_report_sent', occurredOn: '2021-07-01', receivingInstitutionId: prosecutor.institutionId });
    const later = await prosecutor.client.post(`/api/v1/cases/${made.id}/suspects/${suspect}/events`, { type: 'charges_filed', occurredOn: '2021-08-01', articles: [{ number: '129-A' }], receivingInstitutionId: clerk.institutionId });
    expect(later.status).toBe(422);
    await event(prosecutor, made.id, suspect, { type: 'charges_filed', occurredOn: '2021-08-01', articles: [{ number: '153' }], receivingInstitutionId: clerk.institutionId });
    const before = await analyst.client.get(`/api/v1/cases/${made.id}/justice`);
    expect(before.body.defendants[0].flags.favourabilityToReview).toBe(false);

    // An administrator records a later, milder law for the same conduct.
    const admin = await makeUser(registry, { roles: ['administrator'] });
    const regime = await admin.client.post('/api/v1/legal/regimes', { code: 'test_milder_law', name: 'Milder law (test)', inForceFrom: '2026-01-01' });
    expect(regime.status).toBe(201);
    const article = await admin.client.post('/api/v1/legal/articles', {
      regimeId: regime.body.id, articleNumber: '129-Z', titleCode: 'trafficking', isTrafficking: true,
      tiers: [{ tierCode: 'basic', minMonths: 60, maxMonths: 120, suspensionAllowed: false, confirmedInPrimarySource: false }],
    });
    expect(article.status).toBe(201);
    const after = await analyst.client.get(`/api/v1/cases/${made.id}/justice`);
    expect(after.body.defendants[0].flags.favourabilityToReview).toBe(true);
    expect(after.body.defendants[0].favourableLaterLaw).toEqual([
      { articleNumber: '153', regimeCode: 'law_30963', laterArticleNumber: '129-Z', laterRegimeCode: 'test_milder_law', minMonths: 60, maxMonths: 120 },
    ]);
  });
});
