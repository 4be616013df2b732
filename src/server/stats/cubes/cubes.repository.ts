/**
 * SQL of the cubes (src/server/stats/cubes/cubes.ts) and of the repeat-person list: kept with the victim
 * facts by replaceFacts (src/server/stats/facts/facts.repository.ts) in the same transaction, rebuilt from
 * the facts by `reta stats rebuild`.
 *
 * Keeping them: the fact rows a refresh deletes are grouped into cube rows on the way out (their counts come
 * back to the caller), the new fact rows are grouped the same way, and the difference is applied in ONE
 * upsert in key order — two refreshes running at once lock cube rows in the same order, so they wait for
 * each other instead of deadlocking. Rows that fall to 0 are deleted.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../../db/connect';
import { cubeRowsSql } from './cubes';

/** Cube rows as they travel between statements (one JSON parameter). */
export interface CubeDelta {
  cube: string;
  period: string;
  owning_institution_id: string;
  owning_department: string | null;
  k1: string;
  k2: string;
  n: number;
}

/** What the victim fact rows of some cases contributed, taken as they are deleted. */
export interface RemovedVictimFacts {
  cubes: CubeDelta[];
  persons: string[];
}

const KEY = 'cube, period, owning_institution_id, owning_department, k1, k2';
const RECORD = 'cube text, period date, owning_institution_id uuid, owning_department text, k1 text, k2 text, n int';
const idList = (ids: readonly string[]) => sql`string_to_array(${ids.join(',')}, ',')::uuid[]`;

type Rows<T> = { rows: T[] };

/** Deletes the victim fact rows of these cases, returning what they counted in the cubes and whose they were. */
export async function deleteVictimFacts(tx: Tx, caseIds: readonly string[]): Promise<RemovedVictimFacts> {
  const result = (await tx.execute(sql`with gone as (delete from stats_victim_facts where case_id = any(${idList(caseIds)}) returning *),
      c as (${cubeRowsSql('gone')})
    select coalesce((select json_agg(c) from c), '[]'::json) as cubes, array(select distinct person_id::text from gone) as persons`)) as unknown as Rows<{ cubes: CubeDelta[] | string; persons: string[] | string }>;
  const row = result.rows[0]!;
  const cubes = typeof row.cubes === 'string' ? (JSON.parse(row.cubes) as CubeDelta[]) : row.cubes;
  const persons = typeof row.persons === 'string' ? row.persons.replace(/^\{|\}$/g, '').split(',').filter(Boolean) : row.persons;
  return { cubes, persons };
}

/**
 * After the new victim fact rows of these cases were inserted: adds their cube rows and subtracts the
 * removed ones, and recomputes whether each person concerned has more than one victim fact row.
 */
export async function applyVictimFacts(tx: Tx, caseIds: readonly string[], removed: RemovedVictimFacts, newPersons: readonly string[]): Promise<void> {
  const changed = (await tx.execute(sql`insert into stats_victim_cube as t (${sql.raw(KEY)}, n)
    select ${sql.raw(KEY)}, sum(n)::int from (
      ${cubeRowsSql('stats_victim_facts', sql`f.case_id = any(${idList(caseIds)})`)}
      union all select ${sql.raw(KEY)}, -n from json_to_recordset(${JSON.stringify(removed.cubes)}::json) as o(${sql.raw(RECORD)})
    ) d group by ${sql.raw(KEY)} having sum(n) <> 0 order by ${sql.raw(KEY)}
    on conflict on constraint stats_victim_cube_key do update set n = t.n + excluded.n
    returning ${sql.raw(KEY)}, n`)) as unknown as Rows<CubeDelta>;
  const emptied = changed.rows.filter((r) => Number(r.n) === 0);
  if (emptied.length) {
    // Rows this transaction has just locked: no wait on another writer here.
    await tx.execute(sql`delete from stats_victim_cube t using json_to_recordset(${JSON.stringify(emptied)}::json) as z(${sql.raw(RECORD)})
      where t.cube = z.cube and t.period = z.period and t.owning_institution_id = z.owning_institution_id
        and t.owning_department is not distinct from z.owning_department and t.k1 = z.k1 and t.k2 = z.k2 and t.n = 0`);
  }
  const persons = [...new Set([...removed.persons, ...newPersons])].sort();
  if (!persons.length) return;
  // Rows are locked, deleted and inserted in person order, as every writer does: two writers touching the
  // same persons wait for each other instead of deadlocking.
  await tx.execute(sql`delete from stats_repeat_persons where person_id in (
    select person_id from stats_repeat_persons where person_id = any(${idList(persons)}) order by person_id for update)`);
  await tx.execute(sql`insert into stats_repeat_persons (person_id)
    select person_id from stats_victim_facts where person_id = any(${idList(persons)}) group by person_id having count(*) > 1
    order by person_id on conflict do nothing`);
}

/** Recomputes the cubes and the repeat-person list from the victim facts (writers wait; readers do not). */
export async function rebuildCubes(tx: Tx): Promise<void> {
  await tx.execute(sql`lock table stats_victim_cube, stats_repeat_persons in exclusive mode`);
  await tx.execute(sql`delete from stats_victim_cube`);
  await tx.execute(sql`insert into stats_victim_cube (${sql.raw(KEY)}, n) ${cubeRowsSql('stats_victim_facts')}`);
  await tx.execute(sql`delete from stats_repeat_persons`);
  await tx.execute(sql`insert into stats_repeat_persons (person_id) select person_id from stats_victim_facts group by person_id having count(*) > 1`);
}

/** Victim facts but no cube rows: a registry upgraded to the release that introduced the cubes. */
export async function cubesMissing(tx: Tx): Promise<boolean> {
  const r = (await tx.execute(
    sql`select exists (select 1 from stats_victim_facts) and not exists (select 1 from stats_victim_cube) as missing`,
  )) as unknown as Rows<{ missing: boolean }>;
  return !!r.rows[0]?.missing;
}
