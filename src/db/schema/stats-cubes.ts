// Pre-aggregated counts of the statistics engine (src/server/stats/cubes). Owned by src/server/stats/cubes:
// written ONLY with the victim facts they sum (the same refresh, the same transaction) and by `reta stats
// rebuild`, read ONLY by the engine when a query can be answered from them. Every row can be recomputed
// from stats_victim_facts (src/server/stats/cubes/cubes.repository.ts rebuildCubes).
import { date, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';

/**
 * Counted victims (not "not a victim") per cube, period (first day of the registration month or year),
 * owning unit's institution and department (what the statistics scope reads) and up to two dimension
 * values (`k1`, `k2`; '' when the cube has fewer). A multi-select dimension is one row per value.
 * Rows whose count falls to 0 are deleted, so the table holds exactly what a rebuild would.
 */
export const statsVictimCube = pgTable(
  'stats_victim_cube',
  {
    cube: text('cube').notNull(),
    period: date('period', { mode: 'string' }).notNull(),
    owningInstitutionId: uuid('owning_institution_id').notNull(),
    owningDepartment: text('owning_department'),
    k1: text('k1').notNull().default(''),
    k2: text('k2').notNull().default(''),
    n: integer('n').notNull(),
  },
  (t) => [unique('stats_victim_cube_key').on(t.cube, t.period, t.owningInstitutionId, t.owningDepartment, t.k1, t.k2).nullsNotDistinct()],
);

/**
 * Persons with more than one victim fact row (a person registered in several cases, or records merged
 * into one person): the only persons whose rows a count of distinct persons must not simply add up.
 */
export const statsRepeatPersons = pgTable('stats_repeat_persons', {
  personId: uuid('person_id').primaryKey(),
});
