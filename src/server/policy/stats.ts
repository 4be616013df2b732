import { sql, type SQL } from 'drizzle-orm';
import { isSystemActor, type Actor } from '../context';
import { institutionRecordsCondition, readsAllInstitutions } from './geography';

/**
 * Row scope of every statistic (indicators, derived views, occupancy, exports, snapshots): the institution
 * records rule of ./geography.ts on the source's institution and department columns (raw SQL names of the
 * statistics sources). `null` is the whole registry: public tables and system use only.
 */
export function statsScope(actor: Actor | null, columns: { institution: string; department: string }): SQL {
  if (!actor) return sql`true`;
  return institutionRecordsCondition(actor, { institutionId: sql.raw(columns.institution), departmentCode: sql.raw(columns.department) });
}

/** The scope a set of figures was computed over: who could have built it. Stored with each snapshot. */
export interface FigureScope {
  national: boolean;
  departments: string[];
  /** Null: every institution (analyst-wide reading or the system); else the one institution counted. */
  institutionId: string | null;
}

export const NATIONAL_SCOPE: FigureScope = { national: true, departments: [], institutionId: null };

/** The figure scope of an actor's statistics (the same rule as statsScope). */
export function figureScopeOf(actor: Actor | null): FigureScope {
  if (!actor || isSystemActor(actor)) return NATIONAL_SCOPE;
  return {
    national: actor.scope.national,
    departments: actor.scope.national ? [] : [...actor.scope.departments].sort(),
    institutionId: readsAllInstitutions(actor) ? null : actor.institutionId,
  };
}

/** The actor's own statistics would include every record of `scope` (same or wider geography and institutions). */
export function coversScope(actor: Actor, scope: FigureScope): boolean {
  if (isSystemActor(actor)) return true;
  const institutions = readsAllInstitutions(actor) || (scope.institutionId !== null && scope.institutionId === actor.institutionId);
  const geography = actor.scope.national || (!scope.national && scope.departments.every((d) => actor.scope.departments.includes(d)));
  return institutions && geography;
}

/**
 * Exact (unsuppressed) figures are read only by holders of `stats.exact` whose own scope covers them:
 * exact national figures only for national readers. Disclosure-controlled figures are for any reader.
 */
export function mayReadFigures(actor: Actor, figures: { exact: boolean; scope?: FigureScope }): boolean {
  if (!figures.exact || isSystemActor(actor)) return true;
  return actor.permissions.has('stats.exact') && coversScope(actor, figures.scope ?? NATIONAL_SCOPE);
}
