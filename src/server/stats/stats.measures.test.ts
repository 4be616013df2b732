/**
 * Every measure of the engine on a small registry built through the tables of each feature: the justice
 * chain (arrest → charges → conviction → sentence, reclassification, archive), protection (referrals,
 * services, shelter stays), hotline calls, operations and prevention. Then every indicator broken down
 * by every dimension it allows, so no SQL of the catalogue goes untried.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicators } from '../../core/stats/indicators';
import { makeCase } from '../../../test/case-factory';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';

let registry: TestRegistry;
let analyst: MadeUser;
let police: MadeUser;

const exec = (q: ReturnType<typeof sql>) => registry.deps.db.execute(q) as unknown as Promise<{ rows: any[] }>;
const total = async (query: string) => {
  const res = await analyst.client.get(`/api/v1/stats/query?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.totals.grand.value;
};

async function event(caseId: string, suspectId: string, type: string, stage: string, on: string, extra: Record<string, unknown> = {}) {
  const { rows } = await exec(sql`insert into justice_events (case_id, suspect_id, type, stage, occurred_on, institution_id, decision, sentence_months, sentence_effective)
    values (${caseId}, ${suspectId}, ${type}, ${stage}, ${on}, ${police.institutionId}, ${(extra.decision as string) ?? null}, ${(extra.months as number) ?? null}, ${(extra.effective as boolean) ?? null}) returning id`);
  return rows[0].id as string;
}

beforeAll(async () => {
  registry = await createTestRegistry();
  analyst = await makeUser(registry, { roles: ['analyst'], national: true });
  police = await makeUser(registry, { roles: ['registrar'], departments: ['15'] });
  const made = await makeCase(registry.deps, police, {
    registeredAt: new Date('2025-01-15T15:00:00Z'),
    reportedOn: '2025-01-10',
    factsDateFrom: '2024-11',
    victims: [{ sex: 'female', ageYears: 15 }, { sex: 'female', ageYears: 24 }],
    suspects: [{ sex: 'male' }, { sex: 'male' }, { sex: 'female' }],
    places: [{ kind: 'exploitation', ubigeo: '17' }],
  });
  const caseId = made.case.id;
  const [s1, s2, s3] = made.suspects.map((s) => s.id) as [string, string, string];

  const { rows: [regime] } = await exec(sql`insert into legal_regimes (code, name, in_force_from) values ('TEST-' || gen_random_uuid(), 'Test regime', '2007-01-17') returning id`);
  const { rows: [trafficking] } = await exec(sql`insert into legal_articles (regime_id, article_number, title_code, is_trafficking) values (${regime.id}, '153', 'trafficking', true) returning id`);
  const { rows: [pimping] } = await exec(sql`insert into legal_articles (regime_id, article_number, title_code, is_lesser_offence) values (${regime.id}, '179', 'favouring_prostitution', true) returning id`);
  await exec(sql`insert into legal_penalty_tiers (article_id, tier_code, min_months, max_months) values (${trafficking.id}, 'basic', 96, 180), (${pimping.id}, 'basic', 48, 72)`);
  const article = async (eventId: string, articleId: string) =>
    exec(sql`insert into justice_event_articles (event_id, role, article_id, regime_id) values (${eventId}, 'charge', ${articleId}, ${regime.id})`);

  // Suspect 1: arrested, charged under 153, convicted under 153, sentenced to 60 months (below the 96 minimum).
  await event(caseId, s1, 'arrest', 'police', '2025-02-01');
  await article(await event(caseId, s1, 'charges_filed', 'prosecution', '2025-03-01'), trafficking.id);
  await article(await event(caseId, s1, 'decision', 'court', '2025-06-01', { decision: 'conviction' }), trafficking.id);
  await event(caseId, s1, 'sentence', 'court', '2025-06-01', { months: 60, effective: true });
  // Suspect 2: charged under 153, convicted only under 179: reclassified. A superseded acquittal does not count.
  await article(await event(caseId, s2, 'charges_filed', 'prosecution', '2025-03-05'), trafficking.id);
  const wrong = await event(caseId, s2, 'decision', 'court', '2025-07-01', { decision: 'acquittal' });
  const right = await event(caseId, s2, 'decision', 'court', '2025-07-01', { decision: 'conviction' });
  await exec(sql`update justice_events set supersedes_event_id = ${wrong} where id = ${right}`);
  await article(right, pimping.id);
  // Suspect 3: archived.
  await event(caseId, s3, 'archived', 'prosecution', '2025-04-01');

  // Protection: both victims referred, one assisted and sheltered.
  const [v1, v2] = made.victims.map((v) => v.id) as [string, string];
  const { rows: [ref1] } = await exec(sql`insert into referrals (case_id, case_victim_id, from_institution_id, to_institution_id, service_type, status, consent_source, requested_on)
    values (${caseId}, ${v1}, ${police.institutionId}, ${police.institutionId}, 'shelter', 'provided', 'victim_record', '2025-01-20') returning id`);
  await exec(sql`insert into referrals (case_id, case_victim_id, from_institution_id, to_institution_id, service_type, status, consent_source, requested_on)
    values (${caseId}, ${v2}, ${police.institutionId}, ${police.institutionId}, 'psychological', 'requested', 'victim_record', '2025-01-21'),
           (${caseId}, ${v1}, ${police.institutionId}, ${police.institutionId}, 'legal_aid', 'requested', 'victim_record', '2025-01-21')`);
  await exec(sql`insert into referral_services (referral_id, case_victim_id, service_type, started_on, provided_by_institution_id) values (${ref1.id}, ${v1}, 'shelter', '2025-01-22', ${police.institutionId})`);
  const { rows: [shelter] } = await exec(sql`insert into shelters (name, institution_id, department_code, capacity_beds, target_population) values ('Casa', ${police.institutionId}, '15', 10, 'girls') returning id`);
  await exec(sql`insert into shelter_stays (shelter_id, case_id, case_victim_id, check_in_on, check_out_on) values (${shelter.id}, ${caseId}, ${v1}, '2025-01-22', '2025-02-21')`);

  // Hotline: two nuisance calls and one actionable call that led to this case.
  await exec(sql`insert into hotline_calls (institution_id, department_code, received_at, channel, caller_type, classification, status, linked_case_id) values
    (${police.institutionId}, '15', '2025-01-05T10:00:00Z', 'phone', 'anonymous', 'nuisance', 'recorded', null),
    (${police.institutionId}, '15', '2025-01-06T10:00:00Z', 'phone', 'anonymous', 'nuisance', 'recorded', null),
    (${police.institutionId}, '15', '2025-01-07T10:00:00Z', 'phone', 'family', 'tip_report_action_required', 'followed_up', ${caseId})`);
  await exec(sql`insert into operations (institution_id, department_code, operation_date, type, ubigeo, place_department, persons_found, minors_found, victims_identified, arrests)
    values (${police.institutionId}, '15', '2025-02-01', 'rescue', '17', '17', 12, 3, 2, 1)`);
  await exec(sql`insert into prevention_activities (institution_id, department_code, activity_date, type, audiences, ubigeo, place_department, participants_total) values
    (${police.institutionId}, '15', '2025-03-01', 'training', array['police','prosecutors'], '15', '15', 30),
    (${police.institutionId}, '15', '2025-03-02', 'workshop', array['police'], '15', '15', 20)`);
}, 120_000);
afterAll(async () => registry?.close());

describe('justice measures', () => {
  it('counts each defendant once per step, ignoring superseded events', async () => {
    expect(await total('indicator=suspects')).toBe(3);
    expect(await total('indicator=arrests')).toBe(1);
    expect(await total('indicator=prosecuted')).toBe(2);
    expect(await total('indicator=convictions')).toBe(2);
    expect(await total('indicator=acquittals')).toBe(0);
    expect(await total('indicator=archives')).toBe(1);
    expect(await total('indicator=reclassified')).toBe(1);
    expect(await total('indicator=sentences')).toBe(1);
    expect(await total('indicator=below_minimum')).toBe(1);
    expect(await total('indicator=sentence_median_months')).toBe(60);
    // Placed in the period of the conviction, not of the case.
    expect(await total('indicator=convictions&from=2025-06-01&to=2025-06-30')).toBe(1);
  });

  it('follows the case through the funnel', async () => {
    const res = await analyst.client.get('/api/v1/stats/funnel');
    expect(res.body.steps.map((s: any) => s.value)).toEqual([1, 1, 1, 1, 1]);
    const durations = await analyst.client.get('/api/v1/stats/durations');
    expect(durations.body.complaintToCharge.medianDays).toBe(50); // 10 Jan → 1 Mar
    expect(durations.body.registrationLagFromReport.medianDays).toBe(5);
    // Registered in January 2025 and the last justice event recorded now: not stale.
    expect(durations.body.staleCases).toEqual({ value: 0, display: '0' });
  });
});

describe('protection, hotline, operations and prevention measures', () => {
  it('counts victims referred once in the total and under each service', async () => {
    expect(await total('indicator=victims_referred')).toBe(2);
    const res = await analyst.client.get('/api/v1/stats/query?indicator=victims_referred&by=serviceType');
    expect(res.body.rows.map((r: any) => r.key).sort()).toEqual(['legal_aid', 'psychological', 'shelter']);
    expect(await total('indicator=victims_assisted')).toBe(1);
    expect(await total('indicator=shelter_stays')).toBe(1);
    expect(await total('indicator=shelter_bed_nights')).toBe(30);
    // January 2025: the stay takes 10 nights (22–31 Jan) of 10 beds × 31 days.
    const occupancy = await analyst.client.get('/api/v1/stats/shelters?from=2025-01-01&to=2025-01-31');
    expect(occupancy.status).toBe(200);
    expect(occupancy.body.items[0]).toMatchObject({ name: 'Casa', capacityBeds: 10, bedNights: 10, availableBedNights: 310, occupancyPercent: '3.2', stays: 1 });
    const february = await analyst.client.get('/api/v1/stats/shelters?from=2025-02-01&to=2025-02-28&suppress=true');
    expect(february.body.items[0]).toMatchObject({ bedNights: 20, stays: null, staysDisplay: '<10' });
  });

  it('counts calls by outcome, persons found and participants without double counting audiences', async () => {
    const calls = await analyst.client.get('/api/v1/stats/query?indicator=hotline_calls&by=hotlineOutcome');
    expect(calls.body.cells[calls.body.rows.findIndex((r: any) => r.key === 'not_actionable')][0].value).toBe(2);
    // The linked case has a standing arrest: one outcome definition (src/core/hotline) says `arrests`, as the call view does.
    expect(calls.body.cells[calls.body.rows.findIndex((r: any) => r.key === 'arrests')][0].value).toBe(1);
    expect(calls.body.rows.map((r: any) => r.key)).not.toContain('case_linked');
    expect(await total('indicator=hotline_arrests')).toBe(1);
    expect(await total('indicator=operation_persons_found')).toBe(12);
    expect(await total('indicator=operation_minors_found')).toBe(3);
    const participants = await analyst.client.get('/api/v1/stats/query?indicator=prevention_participants&by=audience');
    expect(participants.body.totals.grand.value).toBe(50);
    expect(participants.body.cells[participants.body.rows.findIndex((r: any) => r.key === 'police')][0].value).toBe(50);
    expect(participants.body.cells[participants.body.rows.findIndex((r: any) => r.key === 'prosecutors')][0].value).toBe(30);
  });
});

describe('the whole catalogue', () => {
  it('answers every indicator by every dimension it allows, exact and suppressed', async () => {
    for (const indicator of indicators) {
      for (const dim of indicator.dimensions) {
        const res = await analyst.client.get(`/api/v1/stats/query?indicator=${indicator.id}&by=${dim}`);
        expect(res.status, `${indicator.id} by ${dim}: ${JSON.stringify(res.body)}`).toBe(200);
      }
      const [a, b] = indicator.dimensions.filter((d) => !['year', 'quarter', 'month'].includes(d));
      const res = await analyst.client.get(`/api/v1/stats/query?indicator=${indicator.id}&by=${a},${b}&suppress=true&year=2025`);
      expect(res.status, `${indicator.id} by ${a},${b}: ${JSON.stringify(res.body)}`).toBe(200);
    }
  }, 300_000);
});
