/**
 * The justice statistics count exactly the defendants the case view flags (GET /api/v1/cases/:id/justice):
 * rule 5 (reclassification to a lesser offence) and rule 4 (sentence below the governing minimum, or
 * suspended where the range forbids it). Each defendant below is one way the two used to disagree.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCase } from '../../../test/case-factory';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';

let registry: TestRegistry;
let analyst: MadeUser;
let police: MadeUser;
const caseIds: string[] = [];
const articles: Record<string, string> = {};
let regimeId: string;

const exec = (q: ReturnType<typeof sql>) => registry.deps.db.execute(q) as unknown as Promise<{ rows: any[] }>;

type Named = { article: string; role?: 'charge' | 'from' | 'to'; tier?: string };
interface Step { type: string; stage: string; on: string; decision?: string; months?: number; effective?: boolean; articles?: Named[] }

async function defendant(caseId: string, suspectId: string, steps: Step[]) {
  for (const s of steps) {
    const { rows } = await exec(sql`insert into justice_events (case_id, suspect_id, type, stage, occurred_on, institution_id, decision, sentence_months, sentence_effective)
      values (${caseId}, ${suspectId}, ${s.type}, ${s.stage}, ${s.on}, ${police.institutionId}, ${s.decision ?? null}, ${s.months ?? null}, ${s.effective ?? null}) returning id`);
    for (const [position, a] of (s.articles ?? []).entries()) {
      await exec(sql`insert into justice_event_articles (event_id, role, article_id, regime_id, tier_code, position)
        values (${rows[0].id}, ${a.role ?? 'charge'}, ${articles[a.article]}, ${regimeId}, ${a.tier ?? null}, ${position})`);
    }
  }
}

/** One case per scenario, each defendant with its chain of events. */
async function scenario(chains: Step[][]) {
  const made = await makeCase(registry.deps, police, { registeredAt: new Date('2024-02-01T15:00:00Z'), factsDateFrom: '2023-06', suspects: chains.map(() => ({ sex: 'male' as const })) });
  caseIds.push(made.case.id);
  for (const [i, chain] of chains.entries()) await defendant(made.case.id, made.suspects[i]!.id, chain);
}

async function caseFlags() {
  const flags: Array<Record<string, boolean>> = [];
  for (const id of caseIds) {
    const res = await police.client.get(`/api/v1/cases/${id}/justice`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    for (const d of res.body.defendants) flags.push(d.flags);
  }
  return flags;
}

const total = async (query: string) => {
  const res = await analyst.client.get(`/api/v1/stats/query?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.totals.grand.value as number;
};

const charge = (on: string, ...list: string[]): Step => ({ type: 'charges_filed', stage: 'prosecution', on, articles: list.map((article) => ({ article })) });
const reclassify = (on: string, from: string, to: string): Step => ({
  type: 'reclassified', stage: 'prosecution', on, articles: [{ article: from, role: 'from' }, { article: to, role: 'to' }],
});
const convict = (on: string, ...list: Named[]): Step => ({ type: 'decision', stage: 'court', on, decision: 'conviction', articles: list });
const sentence = (on: string, months: number, effective: boolean): Step => ({ type: 'sentence', stage: 'court', on, months, effective });

beforeAll(async () => {
  registry = await createTestRegistry();
  analyst = await makeUser(registry, { roles: ['analyst'], national: true });
  police = await makeUser(registry, { roles: ['registrar'], departments: ['15'] });
  const { rows: [regime] } = await exec(sql`insert into legal_regimes (code, name, in_force_from, max_suspended_sentence_months)
    values ('FLAGS-' || gen_random_uuid(), 'Flags regime', '2007-01-17', 48) returning id`);
  regimeId = regime.id;
  const article = async (key: string, number: string, trafficking: boolean, lesser: boolean) => {
    const { rows } = await exec(sql`insert into legal_articles (regime_id, article_number, title_code, is_trafficking, is_lesser_offence)
      values (${regimeId}, ${number}, 'test', ${trafficking}, ${lesser}) returning id`);
    articles[key] = rows[0].id;
  };
  await article('153', '153', true, false);
  await article('153-B', '153-B', true, false);
  await article('179', '179', false, true);
  await article('181', '181', false, true);
  await article('other', '999', false, false);
  // 153: one tier, no suspension. 179: no tier called "basic" (the mildest, 48 months, applies when none is
  // named) and suspension allowed. 181: a low minimum where suspension is forbidden.
  await exec(sql`insert into legal_penalty_tiers (article_id, tier_code, min_months, max_months, suspension_allowed) values
    (${articles['153']}, 'basic', 96, 180, false),
    (${articles['179']}, 'second', 60, 96, true), (${articles['179']}, 'first', 48, 72, true),
    (${articles['181']}, 'basic', 12, 36, false)`);

  await scenario([
    // Reclassified 153 → 179: counts.
    [charge('2024-03-01', '153'), reclassify('2024-04-01', '153', '179')],
    // 153 → 153-B stays within trafficking: does not count.
    [charge('2024-03-01', '153'), reclassify('2024-04-01', '153', '153-B')],
    // 179 → 153 is an upgrade: does not count.
    [charge('2024-03-01', '179'), reclassify('2024-04-01', '179', '153')],
    // Charged again under 179 only after a 153 charge, with no reclassification event: counts.
    [charge('2024-03-01', '153'), charge('2024-05-01', '179')],
    // Convicted under an offence the data does not call lesser: does not count.
    [charge('2024-03-01', '153'), convict('2024-06-01', { article: 'other' })],
  ]);
  // Alone in its case, for the data-quality check.
  await scenario([
    // Under 179 with no tier named: the mildest tier (48) governs, 40 months is below it.
    [charge('2024-03-01', '179'), convict('2024-06-01', { article: '179' }), sentence('2024-06-01', 40, true)],
  ]);
  await scenario([
    // Suspended 60 months: the tier allows suspension, but not beyond the regime's 48 months.
    [charge('2024-03-01', '179'), convict('2024-06-01', { article: '179', tier: 'first' }), sentence('2024-06-01', 60, false)],
    // 179 governs (48 > 12), and allows suspension: 181 forbidding it does not matter.
    [charge('2024-03-01', '179', '181'), convict('2024-06-01', { article: '179', tier: 'first' }, { article: '181' }), sentence('2024-06-01', 48, false)],
    // 153 governs: 60 months is below 96.
    [charge('2024-03-01', '153'), convict('2024-06-01', { article: '153' }), sentence('2024-06-01', 60, true)],
    // Within range: not flagged.
    [charge('2024-03-01', '153'), convict('2024-06-01', { article: '153' }), sentence('2024-06-01', 120, true)],
  ]);
}, 120_000);
afterAll(async () => registry?.close());

describe('justice statistics agree with the case-level flags', () => {
  it('counts as reclassified exactly the defendants the case view flags', async () => {
    const flags = await caseFlags();
    expect(flags.filter((f) => f.reclassified)).toHaveLength(2);
    expect(await total('indicator=reclassified')).toBe(flags.filter((f) => f.reclassified).length);
  });

  it('counts below the minimum exactly the sentences the case view flags', async () => {
    const flags = await caseFlags();
    const flagged = flags.filter((f) => f.belowMinimum || f.suspendedNotAllowed).length;
    expect(flagged).toBe(3);
    expect(await total('indicator=below_minimum')).toBe(flagged);
    // Period and scope still apply to the assessed defendants.
    expect(await total('indicator=below_minimum&from=2025-01-01&to=2025-12-31')).toBe(0);
    expect(await total('indicator=below_minimum&from=2024-06-01&to=2024-06-30')).toBe(flagged);
  });

  it('reads the mildest tier when none is named in the data-quality check too', async () => {
    const res = await analyst.client.get('/api/v1/quality/cases?check=sentence_outside_range');
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: any) => i.caseId)).toContain(caseIds[1]);
    expect(res.body.items.map((i: any) => i.caseId)).not.toContain(caseIds[0]);
  });
});
