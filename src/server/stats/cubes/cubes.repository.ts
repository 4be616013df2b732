/**
 * SQL of the cubes (src/server/stats/cubes/cubes.ts: victims, and defendants pending at year end — one table,
 * stats_victim_cube, a `cube` column telling them apart) and of the repeat-person list: kept with the victim and
 * defendant facts by replaceFacts (src/server/stats/facts/facts.repository.ts) in the same transaction, rebuilt from
 * the facts by `reta stats rebuild`.
 *
 * Keeping them: the fact rows a refresh deletes are grouped into cube rows on the way out (their counts come
 * back to the caller), the new fact rows are grouped the same way, and the difference is applied in ONE
 * upsert in key order — two refreshes running at once lock cube rows in the same order, so they wait for
 * each other instead of deadlocking. Rows that fall to 0 are deleted.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../db/connect';
import { textArray } from '../../../db/text-array';
import { allCubeRowsSql } from './cubes';

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

/** `a0 as (statement), …` for data-modifying statements run in another's WITH (run even if unreferenced). */
export const ctes = (statements: readonly SQL[]) => sql.join(statements.map((statement, k) => sql`a${sql.raw(String(k))} as (${statement})`), sql`, `);

/**
 * Deletes the victim and defendant fact rows of these cases, returning what they counted in the cubes and whose
 * victims they were; `alongside` (the case facts' delete) runs in the same statement.
 */
export async function deleteCountedFacts(tx: Tx, caseIds: readonly string[], alongside: readonly SQL[] = []): Promise<RemovedVictimFacts> {
  const result = (await tx.execute(sql`with ${alongside.length ? sql`${ctes(alongside)}, ` : sql``}gone as (delete from stats_victim_facts where case_id = any(${idList(caseIds)}) returning *),
      dgone as (delete from stats_defendant_facts where case_id = any(${idList(caseIds)}) returning *),
      c as (${allCubeRowsSql('gone', 'dgone')})
    select coalesce((select json_agg(c) from c), '[]'::json) as cubes, array(select distinct person_id::text from gone) as persons`)) as unknown as Rows<{ cubes: CubeDelta[] | string; persons: string[] | string }>;
  const row = result.rows[0]!;
  const cubes = typeof row.cubes === 'string' ? (JSON.parse(row.cubes) as CubeDelta[]) : row.cubes;
  const persons = textArray(row.persons);
  return { cubes, persons };
}

/**
 * Inserts the new fact rows of these cases (`inserts`: data-modifying statements, run in one), then keeps the
 * cubes and the repeat-person list: adds the new victim fact rows' cube rows and subtracts the removed ones, and
 * recomputes whether each person concerned has more than one victim fact row.
 *
 * Locks, in the same order in every writer (two writers wait for each other instead of deadlocking): the
 * persons' repeat rows to delete (person order), then the cube rows (key order), then the repeat rows inserted
 * — the cube rows, which every registration of a month and institution shares, last and one statement before
 * the commit. The repeat rows are re-inserted by a later statement than the delete, whose snapshot includes
 * what the delete waited for.
 */
export async function insertCountedFacts(tx: Tx, caseIds: readonly string[], inserts: readonly SQL[], removed: RemovedVictimFacts, newPersons: readonly string[]): Promise<void> {
  const persons = [...new Set([...removed.persons, ...newPersons])].sort();
  const deletePersons = persons.length
    ? [sql`delete from stats_repeat_persons where person_id in (
        select person_id from stats_repeat_persons where person_id = any(${idList(persons)}) order by person_id for update)`]
    : [];
  const statements = [...inserts, ...deletePersons];
  if (statements.length) {
    const [last, ...before] = statements;
    await tx.execute(before.length ? sql`with ${ctes(before)} ${last}` : last!);
  }
  // The repeat rows' insert reads `up` first, so it runs once every cube row is locked.
  const emptied = (await tx.execute(sql`with up as (insert into stats_victim_cube as t (${sql.raw(KEY)}, n)
        select ${sql.raw(KEY)}, sum(n)::int from (
          ${allCubeRowsSql('stats_victim_facts', 'stats_defendant_facts', sql`f.case_id = any(${idList(caseIds)})`)}
          union all select ${sql.raw(KEY)}, -n from json_to_recordset(${JSON.stringify(removed.cubes)}::json) as o(${sql.raw(RECORD)})
        ) d group by ${sql.raw(KEY)} having sum(n) <> 0 order by ${sql.raw(KEY)}
        on conflict on constraint stats_victim_cube_key do update set n = t.n + excluded.n
        returning ${sql.raw(KEY)}, n)${
          persons.length
            ? sql`, rp as (insert into stats_repeat_persons (person_id)
        select person_id from stats_victim_facts where person_id = any(${idList(persons)}) and (select count(*) from up) >= 0
        group by person_id having count(*) > 1 order by person_id on conflict do nothing)`
            : sql``
        }
    select ${sql.raw(KEY)}, n from up where n = 0`)) as unknown as Rows<CubeDelta>;
  if (emptied.rows.length) {
    // Rows this transaction has just locked: no wait on another writer here.
    await tx.execute(sql`delete from stats_victim_cube t using json_to_recordset(${JSON.stringify(emptied.rows)}::json) as z(${sql.raw(RECORD)})
      where t.cube = z.cube and t.period = z.period and t.owning_institution_id = z.owning_institution_id
        and t.owning_department is not distinct from z.owning_department and t.k1 = z.k1 and t.k2 = z.k2 and t.n = 0`);
  }
}

/** Recomputes the cubes and the repeat-person list from the victim facts (writers wait; readers do not). */
export async function rebuildCubes(tx: Tx): Promise<void> {
  await tx.execute(sql`lock table stats_victim_cube, stats_repeat_persons in exclusive mode`);
  await tx.execute(sql`delete from stats_victim_cube`);
  await tx.execute(sql`insert into stats_victim_cube (${sql.raw(KEY)}, n) ${allCubeRowsSql('stats_victim_facts', 'stats_defendant_facts')}`);
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
