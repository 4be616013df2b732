import { and, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { isSystemActor, type Actor } from '../context';

/**
 * Level `geography`: the actor's regions — every department with national scope, else the departments
 * listed on the user (none listed: nowhere). A record falls under the department of the unit that
 * registered it (`department_code`). The system is everywhere.
 */
export function geographyCondition(actor: Actor, departmentColumn: SQLWrapper): SQL {
  if (isSystemActor(actor) || actor.scope.national) return sql`true`;
  return actor.scope.departments.length ? inArray(departmentColumn, actor.scope.departments) : sql`false`;
}

/** The same rule for one loaded record: its department lies in the actor's geography. */
export const inActorGeography = (actor: Actor, departmentCode: string | null): boolean =>
  isSystemActor(actor) || actor.scope.national || (departmentCode !== null && actor.scope.departments.includes(departmentCode));

/** Analyst-wide reading: every institution's records within the actor's geography, never with identity. */
export const readsAllInstitutions = (actor: Actor): boolean => actor.permissions.has('case.read.all_institutions');

/**
 * The one rule for records owned by an institution (cases' own rows, operations, prevention activities,
 * hotline calls, and every statistic): the actor's own institution within the actor's geography; with
 * analyst-wide reading, every institution within the actor's geography. The system: everything.
 */
export function institutionRecordsCondition(actor: Actor, columns: { institutionId: SQLWrapper; departmentCode: SQLWrapper }): SQL {
  if (isSystemActor(actor)) return sql`true`;
  const inGeography = geographyCondition(actor, columns.departmentCode);
  if (readsAllInstitutions(actor)) return inGeography;
  return and(eq(columns.institutionId, actor.institutionId), inGeography)!;
}

/** The same rule, only the actor's own institution (never analyst-wide): the records the actor may write. */
export function ownInstitutionRecordsCondition(actor: Actor, columns: { institutionId: SQLWrapper; departmentCode: SQLWrapper }): SQL {
  if (isSystemActor(actor)) return sql`true`;
  return and(eq(columns.institutionId, actor.institutionId), geographyCondition(actor, columns.departmentCode))!;
}
