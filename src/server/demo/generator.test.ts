import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../../test/api-client';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import type { Deps } from '../deps';
import { DemoRefusedError, generateDemoData, type DemoSummary } from './generator';
import { resetDemoData } from './reset';
import { makeCase } from '../../../test/case-factory';
import { makeUser } from '../../../test/factories';

const asOf = new Date('2026-06-30T00:00:00Z');

/** A digest of the non-identifying content of the generated cases (ids and ciphertexts differ by design). */
async function contentHash(deps: Deps): Promise<string> {
  const result = await deps.db.execute(sql`
    select c.code, c.source, c.reported_on::text as reported, c.facts_date_from, c.department_code, c.purposes, c.means,
      (select string_agg(p.sex || ':' || coalesce(v.age_years::text, '-') || ':' || coalesce(p.origin_ubigeo, '-') || ':' || v.identification_status, ',' order by p.sex, v.age_years, p.origin_ubigeo, v.identification_status)
         from case_victims v join persons p on p.id = v.person_id where v.case_id = c.id) as victims,
      (select count(*)::int from case_suspects s where s.case_id = c.id) as suspects,
      (select string_agg(kind || ':' || coalesce(ubigeo, ''), ',' order by kind, ubigeo) from case_places pl where pl.case_id = c.id) as places,
      (select string_agg(e.type || ':' || e.occurred_on::text || ':' || coalesce(e.sentence_months::text, ''), ',' order by e.occurred_on, e.type, e.sentence_months) from justice_events e where e.case_id = c.id) as justice,
      (select string_agg(r.service_type || ':' || r.status, ',' order by r.service_type, r.status) from referrals r where r.case_id = c.id) as referrals,
      c.status
    from cases c order by c.code`);
  const totals = await deps.db.execute(sql`select
      (select string_agg(classification || ':' || channel || ':' || received_at::text, ',' order by received_at, classification, channel) from hotline_calls) as calls,
      (select string_agg(type || ':' || operation_date::text || ':' || persons_found, ',' order by operation_date, type, persons_found) from operations) as operations,
      (select string_agg(type || ':' || activity_date::text || ':' || participants_total, ',' order by activity_date, type, participants_total) from prevention_activities) as prevention`);
  const rows = (result as unknown as { rows: unknown[] }).rows;
  return createHash('sha256').update(JSON.stringify([rows, (totals as unknown as { rows: unknown[] }).rows])).digest('hex');
}

describe('demo generator', () => {
  let first: TestRegistry;
  let second: TestRegistry;
  let summary: DemoSummary;
  let secondSummary: DemoSummary;

  beforeAll(async () => {
    first = await createTestRegistry();
    second = await createTestRegistry();
    summary = await generateDemoData(first.deps, { victims: 300, seed: 42, asOf, batchVictims: 120 });
    secondSummary = await generateDemoData(second.deps, { victims: 300, seed: 42, asOf, batchVictims: 120 });
  });
  afterAll(async () => {
    await first.close();
    await second.close();
  });

  it('makes exactly the victims asked for, with cases, suspects and places', async () => {
    expect(summary.rows.case_victims).toBe(300);
    expect(summary.rows.cases).toBeGreaterThan(100);
    expect(summary.rows.cases).toBeLessThan(300);
    const [row] = (await first.deps.db.execute(sql`select count(*)::int as n from case_victims`) as unknown as { rows: Array<{ n: number }> }).rows;
    expect(row!.n).toBe(300);
  });

  it('fills every feature: justice chain with attrition, referrals and stays, calls, operations, prevention', () => {
    for (const table of ['justice_events', 'case_access', 'referrals', 'referral_services', 'hotline_calls', 'operations', 'operation_cases', 'prevention_activities']) {
      expect(summary.rows[table], table).toBeGreaterThan(0);
    }
  });

  it('follows the attrition funnel: fewer charged than investigated, fewer convicted than charged', async () => {
    const q = (type: string) => sql`select count(distinct suspect_id)::int as n from justice_events where type = ${type}`;
    const n = async (type: string) => ((await first.deps.db.execute(q(type))) as unknown as { rows: Array<{ n: number }> }).rows[0]!.n;
    const investigated = await n('preliminary_investigation_opened');
    const charged = await n('charges_filed');
    const convictedRows = ((await first.deps.db.execute(sql`select count(distinct suspect_id)::int as n from justice_events where type = 'decision' and decision = 'conviction'`)) as unknown as { rows: Array<{ n: number }> }).rows[0]!.n;
    expect(investigated).toBeGreaterThan(charged);
    expect(charged).toBeGreaterThan(convictedRows);
    expect(convictedRows).toBeGreaterThan(0);
  });

  it('is reproducible: the same seed and date give the same non-identifying content', async () => {
    expect(await contentHash(first.deps)).toBe(await contentHash(second.deps));
  });

  it('differs with another seed', async () => {
    const third = await createTestRegistry();
    try {
      await generateDemoData(third.deps, { victims: 300, seed: 43, asOf, batchVictims: 120 });
      expect(await contentHash(third.deps)).not.toBe(await contentHash(first.deps));
    } finally {
      await third.close();
    }
  });

  it('follows the published distributions: mostly female, sexual exploitation first, Madre de Dios and Lima on top', async () => {
    const db = first.deps.db;
    const q = async (query: ReturnType<typeof sql>) => (await db.execute(query) as unknown as { rows: Array<Record<string, unknown>> }).rows;
    const [sex] = await q(sql`select count(*) filter (where p.sex = 'female')::int as f, count(*)::int as n from case_victims v join persons p on p.id = v.person_id`);
    expect(Number(sex!.f) / Number(sex!.n)).toBeGreaterThan(0.7);
    const purposes = await q(sql`select purposes[1] as p, count(*)::int as n from cases group by 1 order by 2 desc`);
    expect(purposes[0]!.p).toBe('sexual_exploitation');
    expect(purposes[1]!.p).toBe('forced_labour');
    const departments = await q(sql`select department_code as d, count(*)::int as n from cases group by 1 order by 2 desc limit 2`);
    expect(departments.map((d) => d.d).sort()).toEqual(['15', '17']);
  });

  it('encrypts identity: no synthetic name appears in clear text', async () => {
    const rows = (await first.deps.db.execute(sql`select identity_enc from persons limit 20`) as unknown as { rows: Array<{ identity_enc: string }> }).rows;
    for (const r of rows) {
      expect(r.identity_enc.startsWith('v1:')).toBe(true);
      const identity = first.deps.cipher.decryptJson<{ givenNames: string; synthetic: boolean }>(r.identity_enc);
      expect(identity.synthetic).toBe(true);
      expect(r.identity_enc).not.toContain(identity.givenNames);
    }
  });

  it('creates one demo user per role who can sign in with the printed password, generated per demo', async () => {
    expect(summary.usernames).toHaveLength(10);
    const client = await loginAs(first.app, 'demo-analyst', summary.password);
    const me = await client.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    // Not a password known in advance: each demo makes its own, and the old hard-coded one opens nothing.
    expect(secondSummary.password).not.toBe(summary.password);
    expect(summary.password.length).toBeGreaterThanOrEqual(12);
    const old = await first.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'demo-analyst', password: 'Demo-Reta-2026!' } });
    expect(old.statusCode).toBe(401);
    const chosen = await createTestRegistry();
    try {
      const made = await generateDemoData(chosen.deps, { victims: 5, seed: 1, asOf, password: 'Chosen-Demo-Password-77' });
      expect(made.password).toBe('Chosen-Demo-Password-77');
      await loginAs(chosen.app, 'demo-registrar', 'Chosen-Demo-Password-77');
    } finally {
      await chosen.close();
    }
  });

  it('numbers its cases through the registry sequence: the sequences end at the highest code of each year', async () => {
    const rows = (await first.deps.db.execute(sql`
      select s.year, s.last_number, (select max(substring(code from '(\\d+)$')::int) from cases c where c.code like 'RETA-' || s.year || '-%') as used,
        (select count(*)::int from cases c where c.code like 'RETA-' || s.year || '-%') as n
      from case_code_sequences s order by s.year`) as unknown as { rows: Array<{ year: number; last_number: number; used: number; n: number }> }).rows;
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows) {
      expect(r.last_number, String(r.year)).toBe(r.used);
      expect(r.n, String(r.year)).toBe(r.used);
    }
    const years = (await first.deps.db.execute(sql`select count(distinct substring(code from 6 for 4))::int as n from cases`) as unknown as { rows: Array<{ n: number }> }).rows[0]!.n;
    expect(rows).toHaveLength(years);
  });

  it('resets a demo database and generates it again; refuses to reset a database with real cases', async () => {
    const demo = await createTestRegistry();
    const real = await createTestRegistry();
    try {
      await generateDemoData(demo.deps, { victims: 50, seed: 5, asOf });
      await resetDemoData(demo.deps);
      const again = await generateDemoData(demo.deps, { victims: 60, seed: 5, asOf });
      expect(again.rows.case_victims).toBe(60);
      const owner = await makeUser(real, { roles: ['registrar'] });
      await makeCase(real.deps, owner);
      await expect(resetDemoData(real.deps)).rejects.toBeInstanceOf(DemoRefusedError);
    } finally {
      await demo.close();
      await real.close();
    }
  });

  it('refuses to generate into a database that already has cases', async () => {
    await expect(generateDemoData(first.deps, { victims: 10, seed: 1, asOf })).rejects.toBeInstanceOf(DemoRefusedError);
  });
});
