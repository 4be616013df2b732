import { and, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { startOfNextDayInTimeZone, startOfDayInTimeZone } from '../../core/country-date';
import type { CaseKeys } from '../../core/reconciliation/reconcile';
import type { Tx } from '../../db/connect';
import { caseAccess, casePlaces, cases, caseSuspects, caseVictims, justiceEvents, persons } from '../../db/schema';

export interface CaseWithKeys extends CaseKeys {
  code: string;
}

/**
 * SYSTEM READ — the keys of every case an institution owns, within a geography and period, for the
 * reconciliation (src/server/reconciliation). It crosses institutions on purpose: the service lets only
 * counts and the caller's own (or visible) case codes out, and the keys are blind indexes and file numbers,
 * never identity.
 */
export async function systemCaseKeysOfInstitution(tx: Tx, institutionId: string, where: SQL): Promise<CaseWithKeys[]> {
  const owned = and(eq(cases.institutionId, institutionId), where)!;
  const rows = await tx
    .select({ id: cases.id, code: cases.code, externalId: cases.externalId, factsStart: cases.factsStart, factsEnd: cases.factsEnd })
    .from(cases)
    .where(owned);
  if (rows.length === 0) return [];
  const ofOwned = sql`(select ${cases.id} from ${cases} where ${owned})`;
  const [grants, files, places, people] = await Promise.all([
    tx.select({ caseId: caseAccess.caseId, institutionId: caseAccess.institutionId }).from(caseAccess).where(inArray(caseAccess.caseId, ofOwned)),
    tx.select({ caseId: justiceEvents.caseId, number: justiceEvents.documentNumber }).from(justiceEvents).where(and(inArray(justiceEvents.caseId, ofOwned), sql`${justiceEvents.documentNumber} is not null`)),
    tx.select({ caseId: casePlaces.caseId, department: casePlaces.departmentCode }).from(casePlaces).where(inArray(casePlaces.caseId, ofOwned)),
    tx
      .select({ caseId: sql<string>`p.case_id`, personId: sql<string>`coalesce(${persons.mergedIntoId}, ${persons.id})`, documentHash: persons.documentHash, nameHash: persons.nameHash })
      .from(sql`(select ${caseVictims.caseId} as case_id, ${caseVictims.personId} as person_id from ${caseVictims} where ${inArray(caseVictims.caseId, ofOwned)}
          union all select ${caseSuspects.caseId}, ${caseSuspects.personId} from ${caseSuspects} where ${inArray(caseSuspects.caseId, ofOwned)}) p`)
      .innerJoin(persons, sql`${persons.id} = p.person_id`),
  ]);
  const byCase = new Map<string, CaseWithKeys>();
  for (const r of rows) {
    byCase.set(r.id, {
      id: r.id, code: r.code, sharedWith: [], fileNumbers: r.externalId ? [r.externalId] : [], personIds: [], documentHashes: [], nameHashes: [],
      factsStart: r.factsStart, factsEnd: r.factsEnd, departments: [],
    });
  }
  const push = (caseId: string, field: 'sharedWith' | 'fileNumbers' | 'personIds' | 'documentHashes' | 'nameHashes' | 'departments', value: string | null) => {
    const c = byCase.get(caseId);
    if (c && value) (c[field] as string[]).push(value);
  };
  for (const g of grants) push(g.caseId, 'sharedWith', g.institutionId);
  for (const f of files) push(f.caseId, 'fileNumbers', f.number);
  for (const p of places) push(p.caseId, 'departments', p.department);
  for (const p of people) {
    push(p.caseId, 'personIds', p.personId);
    push(p.caseId, 'documentHashes', p.documentHash);
    push(p.caseId, 'nameHashes', p.nameHash);
  }
  return [...byCase.values()];
}

/** Registered from `from` to `to`, both days included (the country's calendar days): the period filter of both sides. */
export function registeredWithin(from: string | undefined, to: string | undefined): SQL {
  return and(sql`true`, from ? gte(cases.registeredAt, startOfDayInTimeZone(from)) : undefined, to ? lt(cases.registeredAt, startOfNextDayInTimeZone(to)) : undefined)!;
}

export async function caseCodes(tx: Tx, ids: string[], visible: SQL): Promise<Array<{ id: string; code: string }>> {
  if (ids.length === 0) return [];
  return tx.select({ id: cases.id, code: cases.code }).from(cases).where(and(inArray(cases.id, ids), visible)).orderBy(cases.code);
}
