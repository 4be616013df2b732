/**
 * The justice statistics count exactly the defendants the case view flags (GET /api/v1/cases/:id/justice):
 * rule 5 (reclassification to a lesser offence) and rule 4 (sentence below the governing minimum, or
 * suspended where the range forbids it). Each defendant below is one way the two used to disagree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCase } from '../../../test/case-factory';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';

let registry: TestRegistry;
let analyst: MadeUser;
let police: MadeUser;
let prosecutor: MadeUser;
let clerk: MadeUser;
let admin: MadeUser;
const caseIds: string[] = [];
let tier153: { id: string; version: number };

const ok = (res: { status: number; body: any }, expected: number, what: string) => {
  if (res.status !== expected) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

type Named = { article: string; role?: 'charge' | 'from' | 'to'; tier?: string };
interface Step { type: string; stage: string; on: string; decision?: string; months?: number; effective?: boolean; articles?: Named[] }

/** Each step as the prosecutor or the court records it through the API (warnings about the order confirmed). */
async function defendant(caseId: string, suspectId: string, steps: Step[]) {
  const ref = (a: Named) => ({ number: a.article, ...(a.tier ? { tier: a.tier } : {}) });
  // The police report sends the case to the prosecution (which then may read and add to it).
  ok(await police.client.post(`/api/v1/cases/${caseId}/suspects/${suspectId}/events`, { type: 'police_report_sent', occurredOn: '2026-02-15', receivingInstitutionId: prosecutor.institutionId }), 201, 'police report');
  for (const s of steps) {
    const body: Record<string, unknown> = { type: s.type, occurredOn: s.on, confirmWarnings: true };
    if (s.type === 'reclassified') {
      body.fromArticles = (s.articles ?? []).filter((a) => a.role === 'from').map(ref);
      body.toArticles = (s.articles ?? []).filter((a) => a.role === 'to').map(ref);
    } else if (s.articles?.length) body.articles = s.articles.map(ref);
    if (s.type === 'charges_filed') body.receivingInstitutionId = clerk.institutionId;
    if (s.decision) body.decision = s.decision;
    if (s.type === 'sentence') body.sentence = { years: Math.floor(s.months! / 12), months: s.months! % 12, effective: s.effective };
    const user = s.stage === 'court' ? clerk : prosecutor;
    ok(await user.client.post(`/api/v1/cases/${caseId}/suspects/${suspectId}/events`, body), 201, `${s.type} ${JSON.stringify(body)}`);
  }
}

/** One case per scenario, each defendant with its chain of events; the facts began under the test's regime. */
async function scenario(chains: Step[][]) {
  const made = await makeCase(registry.deps, police, { registeredAt: new Date('2026-02-01T15:00:00Z'), factsDateFrom: '2026-01', suspects: chains.map(() => ({ sex: 'male' as const })) });
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
  police = await makeUser(registry, { roles: ['investigator'], departments: ['15'] });
  prosecutor = await makeUser(registry, { roles: ['prosecutor'], national: true });
  clerk = await makeUser(registry, { roles: ['court_clerk'], national: true });
  admin = await makeUser(registry, { roles: ['administrator'], national: true });
  // A regime of the test's own, in force from 2026 (after every seeded one), entered by an administrator.
  const regime = ok(await admin.client.post('/api/v1/legal/regimes', { code: 'flags_regime', name: 'Flags regime', inForceFrom: '2026-01-01', maxSuspendedSentenceMonths: 48 }), 201, 'regime');
  const article = (number: string, isTrafficking: boolean, isLesserOffence: boolean, tiers: unknown[] = []) =>
    admin.client.post('/api/v1/legal/articles', { regimeId: regime.id, articleNumber: number, titleCode: 'test', isTrafficking, isLesserOffence, tiers }).then((r) => ok(r, 201, `article ${number}`));
  // 153: one tier, no suspension. 179: two tiers, the mildest (48 months) applies when none is named, and
  // suspension allowed. 181: a low minimum where suspension is forbidden.
  tier153 = (await article('153', true, false, [{ tierCode: 'basic', minMonths: 96, maxMonths: 180, suspensionAllowed: false }])).tiers[0];
  await article('153-B', true, false);
  await article('179', false, true, [{ tierCode: 'aggravated', minMonths: 60, maxMonths: 96, suspensionAllowed: true }, { tierCode: 'basic', minMonths: 48, maxMonths: 72, suspensionAllowed: true }]);
  await article('181', false, true, [{ tierCode: 'basic', minMonths: 12, maxMonths: 36, suspensionAllowed: false }]);
  await article('999', false, false);

  await scenario([
    // Reclassified 153 → 179: counts.
    [charge('2026-03-01', '153'), reclassify('2026-04-01', '153', '179')],
    // 153 → 153-B stays within trafficking: does not count.
    [charge('2026-03-01', '153'), reclassify('2026-04-01', '153', '153-B')],
    // 179 → 153 is an upgrade: does not count.
    [charge('2026-03-01', '179'), reclassify('2026-04-01', '179', '153')],
    // Charged again under 179 only after a 153 charge, with no reclassification event: counts.
    [charge('2026-03-01', '153'), charge('2026-05-01', '179')],
    // Convicted under an offence the data does not call lesser: does not count.
    [charge('2026-03-01', '153'), convict('2026-06-01', { article: '999' })],
  ]);
  // Alone in its case, for the data-quality check.
  await scenario([
    // Under 179 with no tier named: the mildest tier (48) governs, 40 months is below it.
    [charge('2026-03-01', '179'), convict('2026-06-01', { article: '179' }), sentence('2026-06-01', 40, true)],
  ]);
  await scenario([
    // Suspended 60 months: the tier allows suspension, but not beyond the regime's 48 months.
    [charge('2026-03-01', '179'), convict('2026-06-01', { article: '179', tier: 'basic' }), sentence('2026-06-01', 60, false)],
    // 179 governs (48 > 12), and allows suspension: 181 forbidding it does not matter.
    [charge('2026-03-01', '179', '181'), convict('2026-06-01', { article: '179', tier: 'basic' }, { article: '181' }), sentence('2026-06-01', 48, false)],
    // 153 governs: 60 months is below 96.
    [charge('2026-03-01', '153'), convict('2026-06-01', { article: '153' }), sentence('2026-06-01', 60, true)],
    // Within range: not flagged.
    [charge('2026-03-01', '153'), convict('2026-06-01', { article: '153' }), sentence('2026-06-01', 120, true)],
  ]);
}, 300_000);
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
    expect(await total('indicator=below_minimum&from=2026-06-01&to=2026-06-30')).toBe(flagged);
  });

  it('reads the mildest tier when none is named in the data-quality check too', async () => {
    const res = await analyst.client.get('/api/v1/quality/cases?check=sentence_outside_range');
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: any) => i.caseId)).toContain(caseIds[1]);
    expect(res.body.items.map((i: any) => i.caseId)).not.toContain(caseIds[0]);
  });

  it('recounts when an administrator edits the legal table: the facts that depend on it are recomputed in the same transaction', async () => {
    const before = await total('indicator=below_minimum');
    // 153's minimum raised to 130 months: the 120-month sentence is now below it.
    ok(await admin.client.patch(`/api/v1/legal/tiers/${tier153.id}`, { minMonths: 130, version: tier153.version }), 200, 'tier');
    const flags = await caseFlags();
    expect(flags.filter((f) => f.belowMinimum || f.suspendedNotAllowed)).toHaveLength(before + 1);
    expect(await total('indicator=below_minimum')).toBe(before + 1);
  });
});
