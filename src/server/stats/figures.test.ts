/**
 * The figures the source reports ask for (issue 9), from records entered through the API by the people
 * who enter them — police, prosecutor, court clerk, social worker — and read by an analyst (national,
 * exact), the police institution's supervisor (its own institution) and another institution's supervisor
 * (nothing of these). Every expected figure below is worked out from the scenario by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countryToday } from '../../core/country-date';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';

let registry: TestRegistry;
let police: MadeUser;
let prosecutor: MadeUser;
let clerk: MadeUser;
let worker: MadeUser;
let analyst: MadeUser;
let supervisor: MadeUser;
let outsider: MadeUser;
const justiceOf: Record<string, string> = {};
const suspectIds: Record<string, string> = {};
const victimIds: Record<string, { id: string; caseId: string; version: number }> = {};

type Person = { sex: string; nationalities?: string[]; hasIdentityDocument?: string };
const victim = (key: string, person: Person, extra: Record<string, unknown>) => ({ key, body: { person: { identity: { givenNames: key, familyNames: 'Prueba' }, ...person }, ...extra } });
const suspect = (key: string, extra: Record<string, unknown> = {}) => ({ key, body: { person: { sex: 'male', identity: { givenNames: key, familyNames: 'Imputado' } }, ...extra } });

async function registerCase(caseKey: string, reportedOn: string, victims: ReturnType<typeof victim>[], suspects: ReturnType<typeof suspect>[]) {
  const res = await police.client.withReason('registering the complaint').post('/api/v1/cases', {
    source: 'complaint', reportedOn, factsDateFrom: '2023-06', acts: ['recruitment'], means: ['deception'], purposes: ['sexual_exploitation'],
    victims: victims.map((v) => v.body), suspects: suspects.map((s) => s.body),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  justiceOf[caseKey] = `/api/v1/cases/${res.body.id}/justice`;
  victims.forEach((v, i) => (victimIds[v.key] = { id: res.body.victims[i].id, caseId: res.body.id, version: res.body.victims[i].version }));
  suspects.forEach((s, i) => (suspectIds[s.key] = res.body.suspects[i].id));
  return res.body.id as string;
}

async function record(caseId: string, suspectKey: string, steps: Array<[MadeUser, Record<string, unknown>]>) {
  for (const [user, body] of steps) {
    const res = await user.client.post(`/api/v1/cases/${caseId}/suspects/${suspectIds[suspectKey]}/events`, body);
    expect(res.status, `${String(body.type)}: ${JSON.stringify(res.body)}`).toBe(201);
  }
}

const report = (on: string): [MadeUser, Record<string, unknown>] => [police, { type: 'police_report_sent', occurredOn: on, receivingInstitutionId: prosecutor.institutionId }];
const charges = (on: string, article: Record<string, unknown>): [MadeUser, Record<string, unknown>] => [prosecutor, { type: 'charges_filed', occurredOn: on, articles: [article], receivingInstitutionId: clerk.institutionId }];

async function stat(user: MadeUser, query: string) {
  const res = await user.client.get(`/api/v1/stats/query?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { totals: { grand: { value: number }; rows: Array<{ value: number }> }; rows: Array<{ key: string }> };
}
const total = async (user: MadeUser, query: string) => (await stat(user, query)).totals.grand.value;
/** Row key → row total of a one-dimension breakdown. */
const byRow = async (user: MadeUser, query: string) => {
  const body = await stat(user, query);
  return Object.fromEntries(body.rows.map((r, i) => [r.key, body.totals.rows[i]!.value]));
};

beforeAll(async () => {
  registry = await createTestRegistry({ logLevel: 'error' });
  police = await makeUser(registry, { roles: ['investigator'] });
  prosecutor = await makeUser(registry, { roles: ['prosecutor'] });
  clerk = await makeUser(registry, { roles: ['court_clerk'] });
  worker = await makeUser(registry, { roles: ['social_worker'] });
  analyst = await makeUser(registry, { roles: ['analyst'], national: true });
  supervisor = await makeUser(registry, { roles: ['supervisor'], institutionId: police.institutionId, unitId: police.unitId });
  outsider = await makeUser(registry, { roles: ['supervisor'] });

  // Case 1: a girl of 12 and a girl of 16; a public official (S1) and another defendant (S2).
  const case1 = await registerCase('c1', '2024-03-10', [
    victim('V1', { sex: 'female', hasIdentityDocument: 'no' }, { ageYears: 12, ageVerified: true, housedOnIdentification: 'police_station' }),
    victim('V2', { sex: 'female', hasIdentityDocument: 'yes' }, { ageYears: 16, ageVerified: true, housedOnIdentification: 'shelter' }),
  ], [suspect('S1', { isPublicOfficial: true, officialInstitution: 'Municipalidad' }), suspect('S2')]);
  // Case 2: a Venezuelan woman of 25 and a victim of unknown age, seriously injured; two defendants.
  const case2 = await registerCase('c2', '2024-05-01', [
    victim('V3', { sex: 'female', nationalities: ['VEN'], hasIdentityDocument: 'no' }, { ageYears: 25, ageVerified: true, housedOnIdentification: 'family' }),
    victim('V4', { sex: 'female' }, { deathOrSeriousInjury: true }),
  ], [suspect('S3'), suspect('S4')]);
  // Case 3: one victim, and a person found not to be a victim (never counted); a defendant with no events.
  await registerCase('c3', '2024-08-01', [
    victim('V5', { sex: 'male' }, { ageYears: 30 }),
    victim('V6', { sex: 'female', hasIdentityDocument: 'no' }, { ageYears: 20, identificationStatus: 'not_a_victim', housedOnIdentification: 'shelter' }),
  ], [suspect('S5')]);

  // S1: charged under basic trafficking (129-A) although a victim is 12 — omitted; convicted under 129-B ≥ 25 years.
  await record(case1, 'S1', [
    [police, { type: 'arrest', occurredOn: '2024-03-15' }], report('2024-03-20'),
    [prosecutor, { type: 'preliminary_investigation_opened', occurredOn: '2024-04-01', articles: [{ number: '129-A' }] }],
    charges('2024-06-01', { number: '129-A' }),
    [clerk, { type: 'trial_started', occurredOn: '2024-10-01' }],
    [clerk, { type: 'decision', occurredOn: '2025-02-01', decision: 'conviction', articles: [{ number: '129-B', tier: 'aggravated_severe' }] }],
  ]);
  // S2: investigated under the tier the facts require, then archived in 2024.
  await record(case1, 'S2', [
    report('2024-03-20'),
    [prosecutor, { type: 'preliminary_investigation_opened', occurredOn: '2024-04-01', articles: [{ number: '129-B', tier: 'aggravated_severe' }] }],
    [prosecutor, { type: 'archived', occurredOn: '2024-09-01', archiveReason: 'other' }],
  ]);
  // S3: charged under 129-A with two victims (aggravated required); decision suspended for insufficient evidence.
  await record(case2, 'S3', [
    report('2024-05-10'), charges('2024-07-01', { number: '129-A' }),
    [clerk, { type: 'decision', occurredOn: '2025-03-01', decision: 'suspended_insufficient_evidence' }],
  ]);
  // S4: plea agreement under 129-A in 2025 (aggravation omitted at the conviction).
  await record(case2, 'S4', [report('2024-05-10'), [prosecutor, { type: 'plea_agreement', occurredOn: '2025-01-15', articles: [{ number: '129-A' }] }]]);

  // Reparation, repatriation and residency, recorded by the police who hold the case.
  const post = async (path: string, body: Record<string, unknown>) => {
    const res = await police.client.post(path, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  };
  await post(`/api/v1/victims/${victimIds.V1!.id}/reparations`, { kind: 'reparation', orderedAmount: 5000, paidAmount: 1200, orderedOn: '2025-06-01', paidOn: '2025-09-01' });
  await post(`/api/v1/victims/${victimIds.V3!.id}/reparations`, { kind: 'restitution', orderedAmount: 3000, orderedOn: '2025-07-01' });
  await post(`/api/v1/victims/${victimIds.V3!.id}/repatriations`, { fromCountry: 'PER', toCountry: 'VEN', repatriatedOn: '2025-10-01' });
  await post(`/api/v1/victims/${victimIds.V3!.id}/residency-permits`, { permitType: 'humanitarian', grantedOn: '2025-07-01' });

  // Prevention: one activity with both breakdowns, one with neither.
  const activity = (overrides: Record<string, unknown>) => ({ activityDate: '2025-04-22', type: 'training', audiences: ['police'], ubigeo: '08', ...overrides });
  for (const body of [
    activity({ participantsTotal: 40, participantsFemale: 22, participantsMale: 17, participantsUnknown: 1, participantsByInstitution: [{ institutionId: police.institutionId, count: 25 }] }),
    activity({ participantsTotal: 10 }),
  ]) {
    const res = await worker.client.post('/api/v1/prevention/activities', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
}, 240_000);
afterAll(async () => registry?.close());

describe('justice figures of the source reports', () => {
  it('counts investigations, officials, suspended decisions and the 2017 prosecution table', async () => {
    // S4's first prosecution step is its plea agreement of 2025.
    expect(await byRow(analyst, 'indicator=investigated&by=year')).toEqual({ 2024: 3, 2025: 1 });
    expect(await total(analyst, 'indicator=officials_investigated')).toBe(1);
    expect(await total(analyst, 'indicator=officials_prosecuted&from=2024-06-01&to=2024-06-01')).toBe(1);
    expect(await byRow(analyst, 'indicator=officials_convicted&by=year')).toEqual({ 2025: 1 });
    expect(await byRow(analyst, 'indicator=suspended_insufficient_evidence&by=year')).toEqual({ 2025: 1 });
    // The same defendants under the general indicators, by public office.
    expect(await byRow(analyst, 'indicator=investigated&by=publicOfficial')).toEqual({ no: 3, yes: 1 });
    // Their own institution for the supervisor; nothing for another institution's.
    expect(await total(supervisor, 'indicator=investigated')).toBe(4);
    expect(await total(outsider, 'indicator=investigated')).toBe(0);
    expect(await total(outsider, 'indicator=officials_convicted')).toBe(0);
  });

  it('reproduces the 2017 chapter\'s prosecution table from the same indicators', async () => {
    const res = await analyst.client.get('/api/v1/stats/prosecution-table?from=2024-01-01&to=2025-12-31');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.columns.map((c: { id: string }) => c.id)).toEqual(['investigations', 'prosecutions', 'convictions', 'acquittals', 'suspended', 'pending']);
    const rows = Object.fromEntries(res.body.rows.map((r: { year: string; cells: Array<{ value: number }> }) => [r.year, r.cells.map((c) => c.value)]));
    // 2024: S1, S2, S3 investigated; S1 and S3 charged; four pending at the year end.
    // 2025: S4 investigated (its plea); S1 and S4 convicted; S3's decision suspended; S5 pending.
    expect(rows).toEqual({ 2024: [3, 2, 0, 0, 0, 4], 2025: [1, 0, 2, 0, 1, 1] });
    expect((await outsider.client.get('/api/v1/stats/prosecution-table')).body.rows.every((r: { cells: Array<{ value: number }> }) => r.cells.every((c) => c.value === 0))).toBe(true);
    expect((await analyst.client.get('/api/v1/stats/prosecution-table?from=2025-01-01&to=2024-01-01')).status).toBe(400);
  });

  it('counts defendants pending at each year end by the stage reached then', async () => {
    // End of 2024: S1 on trial (court), S3 charged (prosecution), S4 reported (police), S5 no event; S2 archived.
    // S5 stays pending at every later year end, the current year's as of today.
    const thisYear = Number(countryToday(new Date()).slice(0, 4));
    const later = Object.fromEntries(Array.from({ length: thisYear - 2024 }, (_, i) => [2025 + i, 1]));
    expect(await byRow(analyst, 'indicator=pending_year_end&by=year')).toEqual({ 2024: 4, ...later });
    expect(await byRow(analyst, 'indicator=pending_year_end&by=stage&from=2024-01-01&to=2024-12-31')).toEqual({ court: 1, prosecution: 1, police: 1, none: 1 });
    expect(await byRow(analyst, 'indicator=pending_year_end&by=stage&from=2025-01-01&to=2025-12-31')).toEqual({ none: 1 });
  });

  it('breaks convictions down by the age groups of the victims of the case', async () => {
    // S1: victims of 12 and 16 (children); S4: a woman of 25 and a victim of unknown age (presumed child).
    expect(await byRow(analyst, 'indicator=convictions_by_victim_age&by=victimAgeGroup')).toEqual({ child: 1, adult: 1, presumed_child: 1 });
    expect(await total(analyst, 'indicator=convictions_by_victim_age')).toBe(2);
  });

  it('flags omitted aggravation on the justice view and counts the same defendants', async () => {
    const view = await police.client.get(justiceOf.c1!);
    expect(view.status).toBe(200);
    const s1 = view.body.defendants.find((d: { suspectId: string }) => d.suspectId === suspectIds.S1);
    expect(s1.flags.aggravationOmitted).toBe(true);
    expect(s1.aggravation).toMatchObject({
      required: 'aggravated_severe', reasons: ['public_official', 'several_victims', 'victim_under_18', 'victim_under_14'],
      charge: { tier: 'basic', required: 'aggravated_severe', omitted: true }, conviction: { tier: 'aggravated_severe', omitted: false },
    });
    // Case 2: a victim who was seriously injured requires the ≥ 25-year tier (besides several victims).
    const s3 = (await police.client.get(justiceOf.c2!)).body.defendants.find((d: { suspectId: string }) => d.suspectId === suspectIds.S3);
    expect(s3.aggravation).toMatchObject({ required: 'aggravated_severe', reasons: ['several_victims', 'death_or_serious_injury'], charge: { tier: 'basic', omitted: true } });
    const s2 = view.body.defendants.find((d: { suspectId: string }) => d.suspectId === suspectIds.S2);
    expect(s2.flags.aggravationOmitted).toBe(false);
    const flagged: string[] = [];
    for (const url of Object.values(justiceOf)) {
      for (const d of (await police.client.get(url)).body.defendants) if (d.flags.aggravationOmitted) flagged.push(d.suspectId);
    }
    expect(flagged.sort()).toEqual([suspectIds.S1, suspectIds.S3, suspectIds.S4].sort());
    expect(await total(analyst, 'indicator=aggravation_omitted')).toBe(3);
    // Dated by the first step that named articles: S4's plea agreement is of 2025.
    expect(await byRow(analyst, 'indicator=aggravation_omitted&by=year')).toEqual({ 2024: 2, 2025: 1 });
    expect(await total(outsider, 'indicator=aggravation_omitted')).toBe(0);
  });
});

describe('protection figures of the source reports', () => {
  it('counts reparation ordered and paid, repatriations and residency permits', async () => {
    expect(await total(analyst, 'indicator=reparations_ordered')).toBe(2);
    expect(await total(analyst, 'indicator=reparation_ordered_amount')).toBe(8000);
    expect(await byRow(analyst, 'indicator=reparation_ordered_amount&by=reparationKind')).toEqual({ reparation: 5000, restitution: 3000 });
    expect(await total(analyst, 'indicator=reparations_paid')).toBe(1);
    expect(await byRow(analyst, 'indicator=reparation_paid_amount&by=month')).toEqual({ '2025-09': 1200 });
    expect(await byRow(analyst, 'indicator=repatriations&by=destinationCountry')).toEqual({ VEN: 1 });
    expect(await byRow(analyst, 'indicator=residency_permits&by=permitType')).toEqual({ humanitarian: 1 });
    expect(await total(supervisor, 'indicator=reparations_ordered')).toBe(2);
    expect(await total(outsider, 'indicator=reparations_ordered')).toBe(0);
  });

  it('counts victims by housing on identification and without identity documents; an edit shows in the next read', async () => {
    expect(await byRow(analyst, 'indicator=victims_by_housing&by=housing')).toEqual({ police_station: 1, shelter: 1, family: 1, unknown: 2 });
    expect(await total(analyst, 'indicator=victims_without_identity_document')).toBe(2);
    const v5 = victimIds.V5!;
    const bad = await police.client.patch(`/api/v1/cases/${v5.caseId}/victims/${v5.id}`, { housedOnIdentification: 'jail', version: v5.version });
    expect(bad.status).toBe(400);
    const edited = await police.client.patch(`/api/v1/cases/${v5.caseId}/victims/${v5.id}`, { housedOnIdentification: 'other', version: v5.version });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.housedOnIdentification).toBe('other');
    expect(await byRow(analyst, 'indicator=victims_by_housing&by=housing')).toEqual({ police_station: 1, shelter: 1, family: 1, other: 1, unknown: 1 });
  });
});

describe('prevention figures of the source reports', () => {
  it('counts participants by sex and by institution, each adding up to the participants', async () => {
    expect(await byRow(analyst, 'indicator=prevention_participants_by_sex&by=sex')).toEqual({ female: 22, male: 17, unknown: 11 });
    expect(await byRow(analyst, 'indicator=prevention_participants_by_institution&by=participantInstitution')).toEqual({ [police.institutionId]: 25, unknown: 25 });
    expect(await total(analyst, 'indicator=prevention_participants')).toBe(50);
    expect(await total(supervisor, 'indicator=prevention_participants_by_sex')).toBe(0);
  });

  it('lists every new figure on the definitions page, in both languages', async () => {
    for (const lang of ['es', 'en']) {
      const res = await analyst.client.get('/api/v1/stats/indicators', { 'accept-language': lang });
      expect(res.status).toBe(200);
      const items = new Map(res.body.items.map((i: { id: string; name: string }) => [i.id, i.name]));
      for (const id of ['officials_convicted', 'pending_year_end', 'aggravation_omitted', 'reparations_paid', 'victims_by_housing', 'prevention_participants_by_institution']) {
        expect(items.get(id), id).toBeTruthy();
        expect(items.get(id), id).not.toBe(id);
      }
    }
  });
});
