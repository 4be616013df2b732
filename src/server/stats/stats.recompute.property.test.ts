/**
 * Independent recomputation (issue 9, "Tests through the real path"): random seeded workloads entered
 * through the API by users of several roles — registrations with exact, estimated, unknown, banded,
 * birth-year and birth-date ages, several purposes and places; justice events up to a conviction revoked on
 * appeal and an archive right after the police report; transfers; merges of duplicate persons;
 * identification changes; hotline calls followed to their outcomes — then the expected figures computed
 * HERE, by plain code written from domain.md's rules (never by calling src/core/stats or the engine), from
 * the records as the API returns them, and compared cell by cell with GET /api/v1/stats/query and
 * /stats/funnel.
 *
 * The rules restated (domain.md, issue 9):
 * - a victim counts once per case, unless identified as `not_a_victim`; its sex and birth year are the
 *   merged person's (the surviving record's);
 * - age at the facts: the age entered, else the age reached in the year the facts began from the birth year
 *   (an estimate: it may be one year too high); rule 2 presumption: an unknown age, an unverified exact age
 *   under 18, an estimate that may be under 18 (the documented margin: below 20; a birth-year age may be one
 *   year too high, so ≤ 18) → presumed child, counted as a child (girl/boy);
 * - purpose groups: sexual / labour / mixed (both) / other, from the victim's forms else the case's;
 * - department: of the registering unit (kept after a transfer); owning department: the unit that owns it now;
 * - funnel: investigated = any prosecution or court step (an archive right after the police report is one);
 * - convictions: a conviction decision or plea agreement; sentences: only the ones still standing (a
 *   conviction revoked on appeal leaves them), median of the standing sentences in months;
 * - pending at a year end: every defendant from the year of the complaint, until an archive, plea agreement
 *   or decision dated on or before that day (the current year: as of today);
 * - hotline outcome: not actionable unless classified `tip_report_action_required`; then arrests (the larger
 *   of the call's and its linked case's arrests) > 0 → arrests; a linked case → case_linked; closed → closed;
 *   else pending.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { makeUnit, makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { candidatesFor, dni, word } from '../matching/matching.test-helpers';

function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (n: number) => Math.floor(next() * n), pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof rng>;
type Tally = Record<string, number>;

const ok = (res: { status: number; body: any }, expected: number, what: string) => {
  if (res.status !== expected) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};
const add = (t: Tally, key: string | null | undefined, n = 1) => {
  const k = key ?? 'unknown';
  t[k] = (t[k] ?? 0) + n;
};

// ---- the rules, restated from domain.md (independent of src/core) ----
const SEXUAL = new Set(['sexual_exploitation', 'child_pornography']);
const LABOUR = new Set(['forced_labour', 'domestic_servitude', 'slavery_or_similar_practices', 'servitude']);
function group(forms: string[]): string | null {
  if (!forms.length) return null;
  const s = forms.some((f) => SEXUAL.has(f));
  const l = forms.some((f) => LABOUR.has(f));
  return s && l ? 'mixed' : s ? 'sexual' : l ? 'labour' : 'other';
}
function retaBand(age: number | null, coarse: string | null): string | null {
  if (age === null) return coarse === 'under_14' ? '0_13' : coarse === '14_17' ? '14_17' : null;
  return age <= 13 ? '0_13' : age <= 17 ? '14_17' : age <= 30 ? '18_30' : '31_plus';
}
interface Victim {
  ageYears: number | null;
  ageEstimated: boolean;
  ageVerified: boolean;
  ageBand: string | null;
  birthYear: number | null;
}
function age(v: Victim, factsYear: number): { years: number | null; kind: 'exact' | 'estimated' | 'birth_year' | 'none' } {
  if (v.ageYears !== null) return { years: v.ageYears, kind: v.ageEstimated ? 'estimated' : 'exact' };
  if (v.birthYear !== null && factsYear >= v.birthYear) return { years: factsYear - v.birthYear, kind: 'birth_year' };
  return { years: null, kind: 'none' };
}
function isChild(v: Victim, factsYear: number): boolean {
  const a = age(v, factsYear);
  if (a.kind === 'none') return v.ageBand !== '18_plus';
  if (a.kind === 'exact') return a.years! < 18;
  if (a.kind === 'birth_year') return a.years! - 1 < 18;
  return v.ageVerified ? a.years! < 18 : a.years! < 20;
}
const unodc = (sex: string, child: boolean) => (sex === 'female' ? (child ? 'girl' : 'woman') : sex === 'male' ? (child ? 'boy' : 'man') : 'unknown');

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

describe('statistics equal an independent recomputation from domain.md', () => {
  let registry: TestRegistry;
  let police: MadeUser;
  let supervisor: MadeUser;
  let prosecutor: MadeUser;
  let clerk: MadeUser;
  let operator: MadeUser;
  let analyst: MadeUser;
  let otherUnit: string;

  async function setUp() {
    await registry?.close();
    registry = await createTestRegistry();
    police = await makeUser(registry, { roles: ['investigator'], departments: ['08'], national: true });
    supervisor = await makeUser(registry, { roles: ['supervisor'], institutionId: police.institutionId, unitId: police.unitId, departments: ['08'], national: true });
    prosecutor = await makeUser(registry, { roles: ['prosecutor'], national: true });
    clerk = await makeUser(registry, { roles: ['court_clerk'], national: true });
    operator = await makeUser(registry, { roles: ['hotline_operator'], national: true });
    analyst = await makeUser(registry, { roles: ['analyst'], national: true });
    otherUnit = (await makeUnit(registry.deps, police.institutionId, '15')).id;
  }
  afterAll(async () => registry?.close());

  function randomVictim(r: Rng, identity?: Record<string, unknown>) {
    const kind = r.pick(['exact', 'exact', 'estimated', 'birthYear', 'birthDate', 'band', 'none'] as const);
    const fields: Record<string, unknown> = { consentToServices: true };
    const person: Record<string, unknown> = {
      sex: r.pick(['female', 'female', 'male', 'unknown']), hasIdentityDocument: r.pick(['yes', 'no', 'unknown']), nationalities: [r.pick(['PER', 'VEN'])], originUbigeo: r.pick(['08', '15', '17']),
    };
    if (kind === 'exact') Object.assign(fields, { ageYears: 10 + r.int(30), ageVerified: r.chance(0.5) });
    if (kind === 'estimated') Object.assign(fields, { ageYears: 14 + r.int(9), ageEstimated: true });
    if (kind === 'birthYear') person.birthYear = 1990 + r.int(12);
    if (kind === 'band') fields.ageBand = r.pick(['under_14', '14_17', 'under_18', '18_plus']);
    if (r.chance(0.3)) fields.exploitationForms = r.chance(0.3) ? ['sexual_exploitation', 'forced_labour'] : [r.pick(['forced_labour', 'forced_begging', 'sexual_exploitation', 'domestic_servitude'])];
    if (r.chance(0.4)) fields.housedOnIdentification = r.pick(['shelter', 'family', 'police_station']);
    const id: Record<string, unknown> = { ...(identity ?? {}) };
    if (kind === 'birthDate') id.birthDate = `${1990 + r.int(12)}-0${1 + r.int(9)}-1${r.int(9)}`;
    if (Object.keys(id).length) person.identity = id;
    return { person, ...fields };
  }

  async function register(r: Rng, extraVictim?: Record<string, unknown>) {
    const victims: Array<Record<string, unknown>> = Array.from({ length: 1 + r.int(3) }, () => randomVictim(r));
    if (extraVictim) victims.push(extraVictim);
    const places = [{ kind: 'exploitation', ubigeo: r.pick(['08', '15', '17']) }];
    if (r.chance(0.3)) places.push({ kind: 'exploitation', ubigeo: r.pick(['0801', '21', '15']) });
    const body = {
      source: r.pick(['complaint', 'police_operation', 'ex_officio']),
      reportedOn: '2024-02-10',
      factsDateFrom: r.pick(['2016', '2019-05', '2023-11-02']),
      acts: ['recruitment'],
      means: ['deception'],
      purposes: r.chance(0.3) ? ['sexual_exploitation', 'forced_labour'] : [r.pick(['sexual_exploitation', 'forced_labour', 'forced_begging', 'sale_of_children'])],
      places,
      victims,
      suspects: Array.from({ length: 1 + r.int(2) }, () => ({ person: { sex: r.pick(['male', 'female']), birthYear: 1960 + r.int(40), nationalities: ['PER'] }, isPublicOfficial: r.chance(0.3) })),
    };
    return ok(await police.client.withReason('registering the complaint').post('/api/v1/cases', body), 201, 'register');
  }

  const event = async (user: MadeUser, caseId: string, suspectId: string, body: Record<string, unknown>) =>
    ok(await user.client.post(`/api/v1/cases/${caseId}/suspects/${suspectId}/events`, body), 201, String(body.type));

  /** A random path of one defendant through the chain. */
  async function justice(r: Rng, caseId: string, suspectId: string, factsDateFrom: string) {
    // The trafficking article in force on the date of the facts (Law 31146 renumbered 153 as 129-A).
    const article = factsDateFrom >= '2021-03-30' ? '129-A' : '153';
    const path = r.pick(['police', 'archived', 'charged', 'convicted', 'revoked', 'acquitted', 'suspended'] as const);
    await event(police, caseId, suspectId, { type: 'arrest', occurredOn: '2024-03-01' });
    await event(police, caseId, suspectId, { type: 'police_report_sent', occurredOn: '2024-03-10', receivingInstitutionId: prosecutor.institutionId });
    if (path === 'police') return;
    if (path === 'archived') return event(prosecutor, caseId, suspectId, { type: 'archived', occurredOn: '2024-03-12', archiveReason: 'insufficient_evidence' });
    await event(prosecutor, caseId, suspectId, { type: 'charges_filed', occurredOn: '2024-05-01', articles: [{ number: article }], receivingInstitutionId: clerk.institutionId });
    if (path === 'charged') return;
    if (path === 'acquitted' || path === 'suspended') {
      return event(clerk, caseId, suspectId, { type: 'decision', occurredOn: '2025-01-10', decision: path === 'acquitted' ? 'acquittal' : 'suspended_insufficient_evidence' });
    }
    await event(clerk, caseId, suspectId, { type: 'decision', occurredOn: '2025-01-10', decision: 'conviction', articles: [{ number: article }] });
    await event(clerk, caseId, suspectId, { type: 'sentence', occurredOn: '2025-01-10', sentence: { years: r.pick([3, 8, 12, 15, 20]), months: r.pick([0, 6]), effective: true } });
    if (path === 'revoked' || r.chance(0.3)) {
      await event(clerk, caseId, suspectId, { type: 'appeal_filed', occurredOn: '2025-02-01' });
      await event(clerk, caseId, suspectId, { type: 'appeal_decided', occurredOn: '2025-06-01', appealOutcome: path === 'revoked' ? 'revoked' : 'confirmed' });
    }
  }

  async function hotlineCall(r: Rng, cases: any[]) {
    const classification = r.pick(['nuisance', 'information_request', 'tip_report_action_required', 'tip_report_action_required', 'tip_report_action_required']);
    const call = ok(await operator.client.post('/api/v1/hotline/calls', { receivedAt: '2026-03-04T15:20:00-05:00', channel: 'phone', callerType: 'witness', classification, ubigeo: '08' }), 201, 'call');
    if (classification !== 'tip_report_action_required') return;
    let version = call.version as number;
    if (r.chance(0.5)) version = ok(await police.client.post(`/api/v1/hotline/calls/${call.id}/case-link`, { caseId: r.pick(cases).id, version }), 200, 'case-link').version;
    if (r.chance(0.3)) version = ok(await police.client.post(`/api/v1/hotline/calls/${call.id}/outcome`, { arrests: r.int(3), version }), 200, 'arrests').version;
    if (r.chance(0.3)) ok(await police.client.post(`/api/v1/hotline/calls/${call.id}/outcome`, { closedReason: 'no_evidence', version }), 200, 'close');
  }

  /** A table from the statistics API: key → value for a 1-D query, "row|column" → value for a 2-D one. */
  async function query(params: string): Promise<Tally> {
    const body = ok(await analyst.client.get(`/api/v1/stats/query?${params}`), 200, params);
    const out: Tally = {};
    if (body.columns.length && body.by.length === 2) {
      body.rows.forEach((row: any, i: number) => body.columns.forEach((col: any, j: number) => {
        const v = body.cells[i][j].value;
        if (v) out[`${row.key}|${col.key}`] = v;
      }));
    } else {
      body.rows.forEach((row: any, i: number) => {
        const v = body.totals.rows[i].value;
        if (v) out[row.key] = v;
      });
    }
    if (body.totals.grand.value) out.total = body.totals.grand.value;
    return out;
  }

  async function resolvePerson(personId: string): Promise<any> {
    let p = ok(await police.client.get(`/api/v1/persons/${personId}`), 200, 'person');
    while (p.mergedIntoId) p = ok(await police.client.get(`/api/v1/persons/${p.mergedIntoId}`), 200, 'person');
    return p;
  }

  for (const seed of [7, 23]) {
    it(`agrees cell by cell on a random workload (seed ${seed})`, async () => {
      // A registry of its own per workload: every figure of the registry is this workload's.
      await setUp();
      const r = rng(seed);
      const made: any[] = [];
      for (let i = 0; i < 5; i++) made.push(await register(r));
      // A duplicate person registered in two cases, merged by a supervisor.
      const identity = { givenNames: word(), familyNames: word(), document: { type: 'dni', number: dni() } };
      const a = await register(r, randomVictim(r, identity));
      const b = await register(r, randomVictim(r, identity));
      made.push(a, b);
      const dup = b.victims[b.victims.length - 1];
      ok(await police.client.post(`/api/v1/matching/scan/${dup.personId}`), 200, 'scan');
      const [candidate] = await candidatesFor(supervisor, dup.personId);
      ok(await supervisor.client.post(`/api/v1/matching/candidates/${candidate.id}/confirm`, { version: candidate.version }), 200, 'merge');

      for (const c of made) {
        for (const s of c.suspects) if (r.chance(0.8)) await justice(r, c.id, s.id, c.factsDateFrom);
        if (r.chance(0.3)) {
          const current = ok(await police.client.get(`/api/v1/cases/${c.id}`), 200, 'get');
          ok(await police.client.post(`/api/v1/cases/${c.id}/transfer`, { unitId: otherUnit, version: current.version }), 200, 'transfer');
        }
        if (r.chance(0.3)) {
          const v = r.pick(c.victims as any[]);
          ok(await police.client.patch(`/api/v1/victims/${v.id}/identification`, { identificationStatus: r.pick(['not_a_victim', 'confirmed_victim']), identifiedOn: '2024-03-02', version: v.version }), 200, 'identify');
        }
      }
      for (let i = 0; i < 6; i++) await hotlineCall(r, made);

      // ---- the records as the API returns them ----
      const cases = await Promise.all(made.map(async (c) => ok(await police.client.get(`/api/v1/cases/${c.id}`), 200, 'case')));
      const persons = new Map<string, any>();
      for (const c of cases) for (const v of c.victims) if (!persons.has(v.personId)) persons.set(v.personId, await resolvePerson(v.personId));
      const events = new Map<string, any[]>();
      for (const c of cases) {
        for (const s of c.suspects) events.set(s.id, ok(await police.client.get(`/api/v1/justice/events?suspectId=${s.id}&limit=100`), 200, 'events').items);
      }

      // ---- expected, by plain code ----
      const exp = { sex: {} as Tally, band: {} as Tally, unodc: {} as Tally, group: {} as Tally, dept: {} as Tally, owning: {} as Tally, expl: {} as Tally, docNo: 0, housing: {} as Tally };
      let victims = 0;
      /** Distinct persons (the surviving record of a merge) per UNODC category, and overall. */
      const personsBy = new Map<string, Set<string>>();
      const allPersons = new Set<string>();
      const funnel = { complaints: 0, investigated: 0, charged: 0, tried: 0, convicted: 0 };
      const defendants = { convicted: 0, officialsConvicted: 0, investigated: 0, suspended: 0 };
      const standingSentences: number[] = [];
      const pendingByYear: Tally = {};
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Lima' }).format(new Date());
      const unitDept = new Map<string, string>([[police.unitId!, '08'], [otherUnit, '15']]);
      for (const c of cases) {
        const factsYear = Number(String(c.factsDateFrom ?? c.reportedOn).slice(0, 4));
        const registeringDept = '08';
        const explDepts = [...new Set((c.places as any[]).filter((p) => p.kind === 'exploitation' && p.ubigeo).map((p) => String(p.ubigeo).slice(0, 2)))];
        for (const v of c.victims) {
          if (v.identificationStatus === 'not_a_victim') continue;
          victims++;
          const p = persons.get(v.personId)!;
          const va: Victim = { ageYears: v.ageYears, ageEstimated: v.ageEstimated, ageVerified: v.ageVerified, ageBand: v.ageBand, birthYear: p.birthYear };
          const years = age(va, factsYear).years;
          add(exp.sex, p.sex);
          add(exp.band, retaBand(years, v.ageBand));
          add(exp.unodc, unodc(p.sex, isChild(va, factsYear)));
          const category = unodc(p.sex, isChild(va, factsYear)) ?? 'unknown';
          personsBy.set(category, new Set([...(personsBy.get(category) ?? []), p.id]));
          allPersons.add(p.id);
          if (process.env.RECOMPUTE_DEBUG && isChild(va, factsYear) !== (v.ageGroup !== 'adult')) console.log('age group differs', JSON.stringify({ ...va, factsYear, view: v.ageGroup }));
          add(exp.group, group(v.exploitationForms.length ? v.exploitationForms : c.purposes));
          add(exp.dept, registeringDept);
          add(exp.owning, unitDept.get(c.unitId));
          for (const d of explDepts.length ? explDepts : ['unknown']) add(exp.expl, d);
          if (p.hasIdentityDocument === 'no') exp.docNo++;
          add(exp.housing, v.housedOnIdentification);
        }
        funnel.complaints++;
        const caseEvents = c.suspects.flatMap((s: any) => events.get(s.id)!);
        const types = new Set(caseEvents.map((e: any) => e.type));
        const prosecutionOrCourt = ['preliminary_investigation_opened', 'investigation_formalised', 'charges_filed', 'reclassified', 'archived', 'plea_agreement', 'trial_started', 'decision', 'sentence', 'appeal_filed', 'appeal_decided', 'final'];
        if (prosecutionOrCourt.some((t) => types.has(t))) funnel.investigated++;
        if (['charges_filed', 'plea_agreement', 'trial_started', 'decision', 'sentence', 'appeal_filed', 'appeal_decided', 'final'].some((t) => types.has(t))) funnel.charged++;
        if (types.has('trial_started') || types.has('decision')) funnel.tried++;
        const convictedEvent = (e: any) => (e.type === 'decision' && e.decision === 'conviction') || e.type === 'plea_agreement';
        if (caseEvents.some(convictedEvent)) funnel.convicted++;
        for (const s of c.suspects) {
          const ev = events.get(s.id)!;
          // Pending at each year end from the complaint's year (the current year: as of today): no archive,
          // plea or decision dated by then (this workload never reopens or annuls one).
          const closing = ev.filter((e: any) => e.type === 'archived' || e.type === 'plea_agreement' || (e.type === 'decision' && e.decision)).map((e: any) => e.occurredOn);
          for (let y = Number(String(c.reportedOn).slice(0, 4)); y <= Number(today.slice(0, 4)); y++) {
            const asOf = y === Number(today.slice(0, 4)) ? today : `${y}-12-31`;
            if (!closing.some((d: string) => d <= asOf)) add(pendingByYear, String(y));
          }
          if (ev.some(convictedEvent)) {
            defendants.convicted++;
            if (s.isPublicOfficial) defendants.officialsConvicted++;
          }
          if (ev.some((e: any) => prosecutionOrCourt.includes(e.type))) defendants.investigated++;
          if (ev.some((e: any) => e.type === 'decision' && e.decision === 'suspended_insufficient_evidence')) defendants.suspended++;
          const revoked = ev.some((e: any) => e.type === 'appeal_decided' && e.appealOutcome === 'revoked');
          const sentence = ev.find((e: any) => e.type === 'sentence');
          if (sentence && !revoked) standingSentences.push(sentence.sentenceMonths);
        }
      }
      const total = (t: Tally) => ({ ...t, ...(Object.values(t).some(Boolean) ? { total: Object.values(t).reduce((x, y) => x + y, 0) } : {}) });
      const drop = (t: Tally, key: string) => Object.fromEntries(Object.entries(t).filter(([k]) => k !== key));

      expect(await query('indicator=victims&by=sex')).toEqual(total(exp.sex));
      expect(await query('indicator=victims&by=ageBandReta')).toEqual(total(exp.band));
      expect(await query('indicator=victims&by=unodcCategory')).toEqual(total(exp.unodc));
      expect(await query('indicator=victims&by=purposeGroup')).toEqual(total(exp.group));
      expect(await query('indicator=victims&by=registeringDepartment')).toEqual(total(exp.dept));
      expect(await query('indicator=victims&by=owningDepartment')).toEqual(total(exp.owning));
      // Multi-select: each victim once per department; the grand total counts victims once.
      expect(drop(await query('indicator=victims&by=exploitationDepartment'), 'total')).toEqual(exp.expl);
      expect((await query('indicator=victims')).total).toBe(victims);
      // Distinct persons (read from the cubes less the repeat persons' extra rows): the merged person once.
      const personCounts: Tally = Object.fromEntries([...personsBy].map(([k, set]) => [k, set.size]));
      expect(await query('indicator=victim_persons&by=unodcCategory')).toEqual({ ...personCounts, total: allPersons.size });
      expect(allPersons.size).toBeLessThan(victims);
      const funnelBody = ok(await analyst.client.get('/api/v1/stats/funnel'), 200, 'funnel');
      expect(Object.fromEntries(funnelBody.steps.map((s: any) => [s.step, s.value]))).toEqual(funnel);
      expect((await query('indicator=convictions')).total ?? 0).toBe(defendants.convicted);
      expect((await query('indicator=officials_convicted')).total ?? 0).toBe(defendants.officialsConvicted);
      expect((await query('indicator=investigated')).total ?? 0).toBe(defendants.investigated);
      expect((await query('indicator=suspended_insufficient_evidence')).total ?? 0).toBe(defendants.suspended);
      expect((await query('indicator=sentences')).total ?? 0).toBe(standingSentences.length);
      expect(await query('indicator=pending_year_end&by=year')).toEqual(total(pendingByYear));
      const med = ok(await analyst.client.get('/api/v1/stats/query?indicator=sentence_median_months'), 200, 'median');
      expect(med.totals.grand.value).toBe(median(standingSentences));
      expect((await query('indicator=victims_without_identity_document')).total ?? 0).toBe(exp.docNo);
      expect(await query('indicator=victims_by_housing&by=housing')).toEqual(total(exp.housing));

      // Hotline: every call of the registry is this workload's.
      const calls = ok(await operator.client.get('/api/v1/hotline/calls?limit=200'), 200, 'calls').items as any[];
      const outcomes: Tally = {};
      for (const call of calls) {
        const full = ok(await operator.client.get(`/api/v1/hotline/calls/${call.id}`), 200, 'call');
        let outcome = 'pending';
        if (full.classification !== 'tip_report_action_required') outcome = 'not_actionable';
        else {
          const linkedArrests = full.linkedCase ? caseArrests(cases.find((c) => c.id === full.linkedCase.id), events) : 0;
          if (Math.max(full.arrests ?? 0, linkedArrests) > 0) outcome = 'arrests';
          else if (full.linkedCase) outcome = 'case_linked';
          else if (full.closedAt || full.status === 'closed') outcome = 'closed';
        }
        add(outcomes, outcome);
      }
      expect(await query('indicator=hotline_calls&by=hotlineOutcome')).toEqual(total(outcomes));
    }, 400_000);
  }
});

/** Standing arrest events of a case (for a call linked to it). */
function caseArrests(c: any, events: Map<string, any[]>): number {
  return c.suspects.reduce((n: number, s: any) => n + events.get(s.id)!.filter((e) => e.type === 'arrest').length, 0);
}
