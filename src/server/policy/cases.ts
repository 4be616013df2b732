import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/connect';
import { caseAccess, cases, caseSuspects, caseVictims, persons } from '../../db/schema';
import { isSystemActor, type Actor } from '../context';
import { geographyCondition, readsAllInstitutions } from './geography';

/*
 * Access levels on a case, each wider than the one before (SQL on `cases`, and on `case_victims` where
 * said). See ./index.ts for the rule per role.
 *   owned      the actor's institution owns the case and it lies in the actor's geography;
 *   identified owned, or a full workflow grant (police report, charges, transfer): the case with identity;
 *   whole      identified, or analyst-wide reading within geography: every part, never identity;
 *   visible    whole, or any grant (a referral: only the referred victims): the case exists for the actor.
 * Write levels besides `owned`:
 *   mayAddParties  owned, or the prosecution holding the case (see mayAddPartiesCondition).
 */

// Raw SQL, not drizzle's exists(): exists() of a sql fragment renders without the parentheses Postgres needs.
const grantOfActor = (actor: Actor, extra: SQL) =>
  sql`exists (select 1 from ${caseAccess} where ${caseAccess.caseId} = ${cases.id} and ${caseAccess.institutionId} = ${actor.institutionId} and ${extra})`;
const anyGrant = (actor: Actor) => grantOfActor(actor, sql`true`);
const fullGrant = (actor: Actor) => grantOfActor(actor, sql`${caseAccess.victimIds} is null`);
/** On `case_victims`: this victim was referred to the actor's institution. */
const referredVictim = (actor: Actor) => grantOfActor(actor, sql`${caseVictims.id} = any(${caseAccess.victimIds})`);

const unlessSystem = (actor: Actor, condition: () => SQL): SQL => (isSystemActor(actor) ? sql`true` : condition());

/** Level `owned`: the owner institution, within the actor's geography. Only the owner edits the case itself. */
export const ownedCaseCondition = (actor: Actor): SQL =>
  unlessSystem(actor, () => and(eq(cases.institutionId, actor.institutionId), geographyCondition(actor, cases.departmentCode))!);

/** The basis of the grant a prosecution office receives with the police report (src/server/justice). */
export const PROSECUTION_GRANT_BASIS = 'police_report';

/**
 * Level `mayAddParties` — who adds victims and suspects (co-defendants) to a case, the chain-owner rule: the
 * institution holding the case at its current stage. At the police stage that is the owner (the registering
 * institution, or the one the case was transferred to); once the police report is sent, the prosecution office
 * that received it (a full `police_report` grant) holds the case too and adds the co-defendants and victims
 * its investigation finds. Courts (charges grant), providers (referral grant) and analyst-wide reading never
 * add parties. Editing the case itself stays with the owner (`owned`).
 */
export const mayAddPartiesCondition = (actor: Actor): SQL =>
  unlessSystem(actor, () => or(ownedCaseCondition(actor), grantOfActor(actor, sql`${caseAccess.basis} = ${PROSECUTION_GRANT_BASIS} and ${caseAccess.victimIds} is null`))!);

/** Level `identified`: owner or a full grant — the only levels that ever carry identity and narratives. */
export const identifiedCaseCondition = (actor: Actor): SQL => unlessSystem(actor, () => or(ownedCaseCondition(actor), fullGrant(actor))!);

/** Level `whole`: identified, or analyst-wide reading within geography (every part, no identity). */
export const wholeCaseCondition = (actor: Actor): SQL =>
  unlessSystem(actor, () => (readsAllInstitutions(actor) ? or(identifiedCaseCondition(actor), geographyCondition(actor, cases.departmentCode))! : identifiedCaseCondition(actor)));

/** Level `visible`: whole, or a referral grant. Out-of-scope cases behave as if they did not exist (404). */
export const visibleCasesCondition = (actor: Actor): SQL => unlessSystem(actor, () => or(wholeCaseCondition(actor), anyGrant(actor))!);

/**
 * Level `visible` as a list of conditions on `cases` whose UNION is exactly visibleCasesCondition, each one
 * usable by an index on its own (the OR with a correlated EXISTS is not, and scans every case):
 *   1. the cases the actor reads without a grant — owned within geography, or (analyst-wide reading) every
 *      case within geography;
 *   2. the cases the actor's institution holds any grant on (an uncorrelated, hashed id list).
 * Equivalent because a full grant is a grant, and owned lies within geography. For lists that page by key:
 * run one ordered, limited query per branch and merge (src/server/cases/case.repository.ts).
 */
export function visibleCaseBranches(actor: Actor): SQL[] {
  if (isSystemActor(actor)) return [sql`true`];
  const direct = readsAllInstitutions(actor) ? geographyCondition(actor, cases.departmentCode) : ownedCaseCondition(actor);
  const granted = sql`${cases.id} in (select ${caseAccess.caseId} from ${caseAccess} where ${caseAccess.institutionId} = ${actor.institutionId})`;
  return [direct, granted];
}

/**
 * The actor's institution takes part in the case (owned, or any workflow grant): the level that may attach
 * its own records to the case (an operation, a hotline call). Analyst-wide reading alone never does.
 */
export const participatingCaseCondition = (actor: Actor): SQL => unlessSystem(actor, () => or(identifiedCaseCondition(actor), anyGrant(actor))!);

/** On `cases` + `case_victims`: the actor may know who the victim is (identified case, or referred victim). */
export const identifiedVictimCondition = (actor: Actor): SQL => unlessSystem(actor, () => or(identifiedCaseCondition(actor), referredVictim(actor))!);

/**
 * On `cases` + `case_victims`: the victim's protection records are written by those who may know who the
 * victim is — owner, full grant, or the referral of this victim. Analyst-wide reading never writes.
 */
export const writableVictimCondition = identifiedVictimCondition;

/** On `cases` + `case_victims`: the victim row is readable (whole case, or the referred victim). */
export const visibleVictimCondition = (actor: Actor): SQL => unlessSystem(actor, () => or(wholeCaseCondition(actor), referredVictim(actor))!);

/** On `cases` + `case_suspects`: suspects with identity only of identified cases (never through a referral). */
export const identifiedSuspectCondition = identifiedCaseCondition;

/**
 * On `persons`: the person appears in a case the actor may see with identity, as an identified victim
 * or as a suspect of an identified case.
 */
export function visiblePersonCondition(actor: Actor): SQL {
  return sql`(exists (select 1 from ${caseVictims} inner join ${cases} on ${cases.id} = ${caseVictims.caseId}
      where ${caseVictims.personId} = ${persons.id} and ${identifiedVictimCondition(actor)})
    or exists (select 1 from ${caseSuspects} inner join ${cases} on ${cases.id} = ${caseSuspects.caseId}
      where ${caseSuspects.personId} = ${persons.id} and ${identifiedSuspectCondition(actor)}))`;
}

/** On `persons`: the person appears in a case the actor owns (so may edit the person). */
export function ownedPersonCondition(actor: Actor): SQL {
  const owned = ownedCaseCondition(actor);
  return sql`(exists (select 1 from ${caseVictims} inner join ${cases} on ${cases.id} = ${caseVictims.caseId}
      where ${caseVictims.personId} = ${persons.id} and ${owned})
    or exists (select 1 from ${caseSuspects} inner join ${cases} on ${cases.id} = ${caseSuspects.caseId}
      where ${caseSuspects.personId} = ${persons.id} and ${owned}))`;
}

/** For a case already loaded as visible: the actor's institution owns it (and so edits what the owner edits). */
export const ownsCase = (actor: Actor, row: { institutionId: string }) => isSystemActor(actor) || row.institutionId === actor.institutionId;

export type CaseAccessLevel = 'owner' | 'all_institutions' | 'granted' | 'referral';

/** How much of a visible case the actor sees: all of it, or (referral) only some victims and no suspects. */
export interface CaseAccess {
  level: CaseAccessLevel;
  /** For `referral`: the case_victims ids the actor may see. Null means every victim. */
  victimIds: ReadonlySet<string> | null;
}

/**
 * The access level of a visible case, from the grants the actor's institution holds on it. A full grant
 * outranks analyst-wide reading (the grant carries identity, all_institutions never does); only referral
 * grants and nothing better means referral-only access (a shelter, a provider).
 */
export function accessOf(actor: Actor, row: { institutionId: string }, grants: ReadonlyArray<{ victimIds: string[] | null }>): CaseAccess {
  if (ownsCase(actor, row)) return { level: 'owner', victimIds: null };
  if (grants.some((g) => !g.victimIds)) return { level: 'granted', victimIds: null };
  if (readsAllInstitutions(actor)) return { level: 'all_institutions', victimIds: null };
  return { level: 'referral', victimIds: new Set(grants.flatMap((g) => g.victimIds ?? [])) };
}

/** Access for several visible cases at once (list pages). */
export async function loadCaseAccessMany(tx: Tx, actor: Actor, rows: ReadonlyArray<{ id: string; institutionId: string }>): Promise<Map<string, CaseAccess>> {
  const result = new Map<string, CaseAccess>();
  if (rows.length === 0) return result;
  // The owner sees everything whatever it was granted: no grant to read when every case is the actor's own.
  if (rows.every((row) => ownsCase(actor, row))) {
    for (const row of rows) result.set(row.id, accessOf(actor, row, []));
    return result;
  }
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

/** What a referral-only actor may see of a case's people: the referred victims and no suspects. */
export function restrictToAccess<V extends { id: string }, S>(parts: { victims: V[]; suspects: S[] }, access: CaseAccess): { victims: V[]; suspects: S[] } {
  if (!access.victimIds) return parts;
  return { victims: parts.victims.filter((v) => access.victimIds!.has(v.id)), suspects: [] };
}
