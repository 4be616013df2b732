import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/connect';
import { caseAccess, cases, caseSuspects, caseVictims, persons } from '../../db/schema';
import type { Actor } from '../context';
import { ownsCase, visibleCasesCondition } from './case.scope';

export type CaseAccessLevel = 'owner' | 'all_institutions' | 'granted' | 'referral';

/** How much of a visible case the actor sees: all of it, or (referral) only some victims and no suspects. */
export interface CaseAccess {
  level: CaseAccessLevel;
  /** For `referral`: the case_victims ids the actor may see. Null means every victim. */
  victimIds: ReadonlySet<string> | null;
}

type Grant = { caseId: string; victimIds: string[] | null };

/**
 * Decides the access level from the workflow grants the actor's institution holds on the case. Only a
 * referral grant (victimIds set) and nothing better means referral-only access (a shelter, a provider).
 */
export function accessOf(actor: Actor, row: { institutionId: string }, grants: ReadonlyArray<Pick<Grant, 'victimIds'>>): CaseAccess {
  if (ownsCase(actor, row)) return { level: 'owner', victimIds: null };
  // A full grant before analyst-wide reading: the grant carries identity, all_institutions never does.
  if (grants.some((g) => !g.victimIds)) return { level: 'granted', victimIds: null };
  if (actor.permissions.has('case.read.all_institutions')) return { level: 'all_institutions', victimIds: null };
  return { level: 'referral', victimIds: new Set(grants.flatMap((g) => g.victimIds ?? [])) };
}

/** Access for several visible cases at once (list pages). */
export async function loadCaseAccessMany(tx: Tx, actor: Actor, rows: ReadonlyArray<{ id: string; institutionId: string }>): Promise<Map<string, CaseAccess>> {
  const result = new Map<string, CaseAccess>();
  if (rows.length === 0) return result;
  const grants = await tx
    .select({ caseId: caseAccess.caseId, victimIds: caseAccess.victimIds })
    .from(caseAccess)
    .where(and(inArray(caseAccess.caseId, rows.map((r) => r.id)), eq(caseAccess.institutionId, actor.institutionId)));
  for (const row of rows) result.set(row.id, accessOf(actor, row, grants.filter((g) => g.caseId === row.id)));
  return result;
}

export async function loadCaseAccess(tx: Tx, actor: Actor, row: { id: string; institutionId: string }): Promise<CaseAccess> {
  return (await loadCaseAccessMany(tx, actor, [row])).get(row.id)!;
}

/**
 * What a referral-only actor may see of a case's people: the referred victims and no suspects.
 * Everyone else gets the parts unchanged.
 */
export function restrictToAccess<V extends { id: string }, S>(parts: { victims: V[]; suspects: S[] }, access: CaseAccess): { victims: V[]; suspects: S[] } {
  if (!access.victimIds) return parts;
  return { victims: parts.victims.filter((v) => access.victimIds!.has(v.id)), suspects: [] };
}

/**
 * SQL: the actor sees the whole of the (already visible) case WITH identity: owner or a full grant.
 * `case.read.all_institutions` is left out on purpose: analyst-wide reading is without identity, so it
 * never makes a person visible (nor searchable by blind index, nor linked to a case).
 */
function fullCaseAccessCondition(actor: Actor): SQL {
  if (actor.username === 'system') return sql`true`;
  return or(
    eq(cases.institutionId, actor.institutionId),
    sql`exists (select 1 from ${caseAccess} where ${caseAccess.caseId} = ${cases.id} and ${caseAccess.institutionId} = ${actor.institutionId} and ${caseAccess.victimIds} is null)`,
  )!;
}

/** SQL on `cases` + `case_victims`: the victim is one the actor may know who it is (whole case or referred). */
export function identifiedVictimCondition(actor: Actor): SQL {
  const referred = sql`exists (select 1 from ${caseAccess} where ${caseAccess.caseId} = ${cases.id}
    and ${caseAccess.institutionId} = ${actor.institutionId} and ${caseVictims.id} = any(${caseAccess.victimIds}))`;
  return and(visibleCasesCondition(actor), or(fullCaseAccessCondition(actor), referred))!;
}

/** SQL on `cases` + `case_suspects`: suspects only of cases seen whole (never through a referral). */
export function identifiedSuspectCondition(actor: Actor): SQL {
  return and(visibleCasesCondition(actor), fullCaseAccessCondition(actor))!;
}

/**
 * SQL on `persons`: the person appears in a case the actor may see with identity, as a victim the actor
 * may see (all of them, or a referred one) or as a suspect of a case the actor sees in full.
 */
export function visiblePersonCondition(actor: Actor): SQL {
  return sql`(exists (select 1 from ${caseVictims} inner join ${cases} on ${cases.id} = ${caseVictims.caseId}
      where ${caseVictims.personId} = ${persons.id} and ${identifiedVictimCondition(actor)})
    or exists (select 1 from ${caseSuspects} inner join ${cases} on ${cases.id} = ${caseSuspects.caseId}
      where ${caseSuspects.personId} = ${persons.id} and ${identifiedSuspectCondition(actor)}))`;
}

/** SQL on `persons`: the person appears in a visible case the actor's institution owns (so may edit it). */
export function ownedPersonCondition(actor: Actor): SQL {
  const visible = visibleCasesCondition(actor);
  const owned = actor.username === 'system' ? sql`true` : eq(cases.institutionId, actor.institutionId);
  return sql`(exists (select 1 from ${caseVictims} inner join ${cases} on ${cases.id} = ${caseVictims.caseId}
      where ${caseVictims.personId} = ${persons.id} and ${visible} and ${owned})
    or exists (select 1 from ${caseSuspects} inner join ${cases} on ${cases.id} = ${caseSuspects.caseId}
      where ${caseSuspects.personId} = ${persons.id} and ${visible} and ${owned}))`;
}
