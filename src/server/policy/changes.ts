import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Permission } from '../../core/permissions';
import type { Tx } from '../../db/connect';
import {
  cases, casePlaces, caseSuspects, caseVictims, hotlineCalls, justiceEvents, operations, persons, preventionActivities, referrals,
} from '../../db/schema';
import { isSystemActor, type Actor } from '../context';
import { visibleCasesCondition, visiblePersonCondition, visibleVictimCondition, wholeCaseCondition } from './cases';
import { institutionRecordsCondition } from './geography';
import { visibleCallsCondition } from './hotline';

/**
 * Who learns of which change in the change feed (src/server/changes): exactly the records the actor may
 * read through the API now, with the read permission of their kind. A change only ever names ids, so
 * the rule is the record's `visible` level — never identity. Removed records no longer exist to be
 * checked: their removal is told to readers of the WHOLE parent case (never to referral-only readers,
 * and never for records without a case), so no id the reader could not have seen leaks.
 */
export const changeEntities = ['case', 'person', 'victim', 'suspect', 'place', 'justice_event', 'referral', 'hotline_call', 'operation', 'prevention_activity'] as const;
export type ChangeEntity = (typeof changeEntities)[number];

const readPermission: Record<ChangeEntity, Permission> = {
  case: 'case.read',
  person: 'person.read',
  victim: 'case.read',
  suspect: 'case.read',
  place: 'case.read',
  justice_event: 'justice.read',
  referral: 'protection.read',
  hotline_call: 'hotline.read',
  operation: 'operation.read',
  prevention_activity: 'prevention.read',
};

const referralCondition = (actor: Actor): SQL =>
  sql`(${referrals.fromInstitutionId} = ${actor.institutionId} or ${referrals.toInstitutionId} = ${actor.institutionId} or ${visibleVictimCondition(actor)})`;

/** The ids among `ids` of one entity that exist and that the actor may read. */
async function visibleExisting(tx: Tx, actor: Actor, entity: ChangeEntity, ids: string[]): Promise<string[]> {
  const pick = async (query: Promise<Array<{ id: string }>>) => (await query).map((r) => r.id);
  switch (entity) {
    case 'case':
      return pick(tx.select({ id: cases.id }).from(cases).where(and(inArray(cases.id, ids), visibleCasesCondition(actor))));
    case 'person':
      return pick(tx.select({ id: persons.id }).from(persons).where(and(inArray(persons.id, ids), visiblePersonCondition(actor))));
    case 'victim':
      return pick(tx.select({ id: caseVictims.id }).from(caseVictims).innerJoin(cases, eq(cases.id, caseVictims.caseId)).where(and(inArray(caseVictims.id, ids), visibleVictimCondition(actor))));
    case 'suspect':
      return pick(tx.select({ id: caseSuspects.id }).from(caseSuspects).innerJoin(cases, eq(cases.id, caseSuspects.caseId)).where(and(inArray(caseSuspects.id, ids), wholeCaseCondition(actor))));
    case 'place':
      return pick(tx.select({ id: casePlaces.id }).from(casePlaces).innerJoin(cases, eq(cases.id, casePlaces.caseId)).where(and(inArray(casePlaces.id, ids), wholeCaseCondition(actor))));
    case 'justice_event':
      return pick(tx.select({ id: justiceEvents.id }).from(justiceEvents).innerJoin(cases, eq(cases.id, justiceEvents.caseId)).where(and(inArray(justiceEvents.id, ids), wholeCaseCondition(actor))));
    case 'referral':
      return pick(
        tx
          .select({ id: referrals.id })
          .from(referrals)
          .innerJoin(caseVictims, eq(caseVictims.id, referrals.caseVictimId))
          .innerJoin(cases, eq(cases.id, referrals.caseId))
          .where(and(inArray(referrals.id, ids), isSystemActor(actor) ? sql`true` : referralCondition(actor))),
      );
    case 'hotline_call':
      return pick(tx.select({ id: hotlineCalls.id }).from(hotlineCalls).where(and(inArray(hotlineCalls.id, ids), visibleCallsCondition(actor))));
    case 'operation':
      return pick(tx.select({ id: operations.id }).from(operations).where(and(inArray(operations.id, ids), institutionRecordsCondition(actor, operations))));
    case 'prevention_activity':
      return pick(tx.select({ id: preventionActivities.id }).from(preventionActivities).where(and(inArray(preventionActivities.id, ids), institutionRecordsCondition(actor, preventionActivities))));
  }
}

/** The parent cases among `caseIds` whose removals the actor is told of (whole case level). */
async function wholeCases(tx: Tx, actor: Actor, caseIds: string[]): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await tx.select({ id: cases.id }).from(cases).where(and(inArray(cases.id, caseIds), wholeCaseCondition(actor)));
  return new Set(rows.map((r) => r.id));
}

export interface ChangeRef {
  entity: string;
  recordId: string;
  caseId: string | null;
  kind: string;
}

/**
 * The changes of `rows` the actor may learn of, as a set of indexes into `rows`. Deny by default: an
 * unknown entity, a missing permission or a record out of scope drops the row.
 */
export async function visibleChanges(tx: Tx, actor: Actor, rows: readonly ChangeRef[]): Promise<Set<number>> {
  const system = isSystemActor(actor);
  const allowed = (entity: string): entity is ChangeEntity =>
    (changeEntities as readonly string[]).includes(entity) && (system || actor.permissions.has(readPermission[entity as ChangeEntity]));
  const wanted = new Map<ChangeEntity, Set<string>>();
  const removedCases = new Set<string>();
  rows.forEach((row) => {
    if (!allowed(row.entity)) return;
    if (row.kind === 'removed') {
      if (row.caseId && row.entity !== 'case') removedCases.add(row.caseId);
      return;
    }
    const set = wanted.get(row.entity) ?? new Set<string>();
    set.add(row.recordId);
    wanted.set(row.entity, set);
  });
  const visible = new Set<string>();
  for (const [entity, ids] of wanted) {
    for (const id of await visibleExisting(tx, actor, entity, [...ids])) visible.add(`${entity}:${id}`);
  }
  const parents = await wholeCases(tx, actor, [...removedCases]);
  const result = new Set<number>();
  rows.forEach((row, index) => {
    if (!allowed(row.entity)) return;
    const told = row.kind === 'removed' ? system || (row.entity !== 'case' && row.caseId !== null && parents.has(row.caseId)) : visible.has(`${row.entity}:${row.recordId}`);
    if (told) result.add(index);
  });
  return result;
}
