/**
 * Bulk synthetic records in plain SQL (generate_series, a fixed random seed), fast enough for 1M victims:
 * 2 victims and 1 suspect per case, registration events, one or two places of exploitation, a third of
 * the suspects charged, half of those convicted and sentenced, a tenth of those sentences revoked on
 * appeal, some arrests and archives. Per-row random values are computed in the row's own SELECT: a
 * LATERAL subquery that does not reference the outer row is evaluated ONCE (the bug that gave every case
 * one registration instant and one exploitation department in earlier published figures).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/connect';

export async function generateWithSql(db: Db, victims: number) {
  const cases = Math.ceil(victims / 2);
  const run = (q: ReturnType<typeof sql>) => db.execute(q);
  await run(sql`select setseed(0.42)`);
  await run(sql`insert into institutions (code, name, kind) values ('BENCH', 'Bench', 'police')`);
  await run(sql`insert into units (institution_id, code, name, ubigeo, department_code)
    select i.id, 'BU' || d, 'Unit ' || d, d, d from institutions i, (select lpad(g::text, 2, '0') as d from generate_series(1, 25) g) x where i.code = 'BENCH'`);
  await run(sql`insert into cases (code, institution_id, unit_id, department_code, registered_at, source, reported_on, facts_start, acts, means, purposes, sectors)
    select 'B-' || t.g, u.institution_id, u.id, u.department_code, t.at, 'complaint', (t.at)::date - (random() * 30)::int, (t.at)::date - (random() * 400)::int,
      array['recruitment'], case when random() < 0.8 then array['deception'] else '{}'::text[] end,
      case when random() < 0.1 then array['sexual_exploitation', 'forced_labour'] else array[(array['sexual_exploitation','sexual_exploitation','forced_labour','forced_begging','sale_of_children'])[1 + floor(random() * 5)::int]] end,
      array[(array['mining','agriculture','domestic_work','hospitality_bars'])[1 + floor(random() * 4)::int]]
    from (select g, timestamptz '2015-01-01 12:00+00' + random() * interval '4000 days' as at from generate_series(1, ${cases}) g) t
    join units u on u.code = 'BU' || lpad((1 + t.g % 25)::text, 2, '0')`);
  await run(sql`insert into case_events (case_id, type, at, unit_id) select c.id, 'registration', c.registered_at, c.unit_id from cases c`);
  await run(sql`insert into case_places (case_id, kind, ubigeo, country, department_code)
    select x.id, 'exploitation', x.d, 'PER', x.d from (
      select c.id, lpad((1 + floor(random() * 25))::int::text, 2, '0') as d from cases c
      union all select c.id, lpad((1 + floor(random() * 25))::int::text, 2, '0') from cases c where random() < 0.2) x`);
  await run(sql`insert into persons (external_id, created_by_institution_id, sex, origin_ubigeo, nationalities)
    select 'BV-' || g, i.id, case when random() < 0.8 then 'female' when random() < 0.95 then 'male' else 'unknown' end,
      lpad((1 + floor(random() * 25))::int::text, 2, '0') || '0101', case when random() < 0.9 then array['PER'] else array['VEN'] end
    from generate_series(1, ${victims}) g, institutions i where i.code = 'BENCH'`);
  await run(sql`insert into case_victims (case_id, person_id, age_years, age_verified, age_estimated)
    select c.id, p.id, case when random() < 0.05 then null else 6 + floor(random() * 45)::int end, random() < 0.7, random() < 0.1
    from generate_series(1, ${victims}) g join persons p on p.external_id = 'BV-' || g join cases c on c.code = 'B-' || (1 + (g - 1) / 2)`);
  await run(sql`insert into persons (external_id, created_by_institution_id, sex, birth_year, nationalities)
    select 'BS-' || g, i.id, case when random() < 0.7 then 'male' else 'female' end, 1960 + floor(random() * 40)::int, array['PER']
    from generate_series(1, ${cases}) g, institutions i where i.code = 'BENCH'`);
  await run(sql`insert into case_suspects (case_id, person_id) select c.id, p.id from generate_series(1, ${cases}) g
    join persons p on p.external_id = 'BS-' || g join cases c on c.code = 'B-' || g`);
  await run(sql`insert into justice_events (case_id, suspect_id, type, stage, occurred_on, institution_id)
    select s.case_id, s.id, 'arrest', 'police', c.reported_on + floor(random() * 30)::int, c.institution_id
    from case_suspects s join cases c on c.id = s.case_id where random() < 0.3`);
  await run(sql`insert into justice_events (case_id, suspect_id, type, stage, occurred_on, institution_id)
    select s.case_id, s.id, case when random() < 0.8 then 'charges_filed' else 'archived' end, 'prosecution', c.reported_on + 60 + floor(random() * 200)::int, c.institution_id
    from case_suspects s join cases c on c.id = s.case_id where random() < 0.4`);
  await run(sql`insert into justice_events (case_id, suspect_id, type, stage, occurred_on, institution_id, decision)
    select e.case_id, e.suspect_id, 'decision', 'court', e.occurred_on + 100 + floor(random() * 300)::int, e.institution_id,
      case when random() < 0.8 then 'conviction' else 'acquittal' end
    from justice_events e where e.type = 'charges_filed' and random() < 0.6`);
  await run(sql`insert into justice_events (case_id, suspect_id, type, stage, occurred_on, institution_id, sentence_months, sentence_effective)
    select e.case_id, e.suspect_id, 'sentence', 'court', e.occurred_on, e.institution_id, 48 + floor(random() * 200)::int, random() < 0.9
    from justice_events e where e.type = 'decision' and e.decision = 'conviction'`);
  await run(sql`insert into justice_events (case_id, suspect_id, type, stage, occurred_on, institution_id, appeal_outcome)
    select e.case_id, e.suspect_id, 'appeal_decided', 'court', e.occurred_on + 200, e.institution_id, 'revoked'
    from justice_events e where e.type = 'sentence' and random() < 0.1`);
  await run(sql`analyze`);
}
