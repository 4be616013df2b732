import { and, asc, count, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { CaseListQuery } from '../../contracts/cases';
import type { Tx } from '../../db/connect';
import { casePlaces, cases, caseSuspects, caseVictims, persons } from '../../db/schema';
import type { Actor } from '../context';
import { visibleCasesCondition } from '../policy';

export type CaseRow = typeof cases.$inferSelect;
export type PersonRow = typeof persons.$inferSelect;
export type VictimRow = typeof caseVictims.$inferSelect & { person: PersonRow };
export type SuspectRow = typeof caseSuspects.$inferSelect & { person: PersonRow };
export type PlaceRow = typeof casePlaces.$inferSelect;

export interface CaseParts {
  victims: VictimRow[];
  suspects: SuspectRow[];
  places: PlaceRow[];
}

/** Victims (with their persons), suspects (with theirs) and places of one case, in a stable order. */
export async function loadCaseParts(tx: Tx, caseId: string): Promise<CaseParts> {
  const victims = await tx
    .select({ link: caseVictims, person: persons })
    .from(caseVictims)
    .innerJoin(persons, eq(persons.id, caseVictims.personId))
    .where(eq(caseVictims.caseId, caseId))
    .orderBy(asc(caseVictims.createdAt), asc(caseVictims.id));
  const suspects = await tx
    .select({ link: caseSuspects, person: persons })
    .from(caseSuspects)
    .innerJoin(persons, eq(persons.id, caseSuspects.personId))
    .where(eq(caseSuspects.caseId, caseId))
    .orderBy(asc(caseSuspects.createdAt), asc(caseSuspects.id));
  const places = await tx.select().from(casePlaces).where(eq(casePlaces.caseId, caseId)).orderBy(asc(casePlaces.kind), asc(casePlaces.id));
  return {
    victims: victims.map((r) => ({ ...r.link, person: r.person })),
    suspects: suspects.map((r) => ({ ...r.link, person: r.person })),
    places,
  };
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);
const nextDay = (isoDate: string) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000);

function listFilters(actor: Actor, q: CaseListQuery): SQL {
  const filters: SQL[] = [visibleCasesCondition(actor)];
  if (q.from) filters.push(gte(cases.registeredAt, new Date(`${q.from}T00:00:00Z`)));
  if (q.to) filters.push(lt(cases.registeredAt, nextDay(q.to)));
  if (q.department) {
    filters.push(sql`(${cases.departmentCode} = ${q.department} or exists (select 1 from ${casePlaces}
      where ${casePlaces.caseId} = ${cases.id} and ${casePlaces.kind} = 'exploitation' and ${casePlaces.departmentCode} = ${q.department}))`);
  }
  if (q.purpose) filters.push(sql`${q.purpose} = any(${cases.purposes})`);
  if (q.status) filters.push(eq(cases.status, q.status));
  if (q.unitId) filters.push(eq(cases.unitId, q.unitId));
  if (q.institutionId) filters.push(eq(cases.institutionId, q.institutionId));
  if (q.q?.trim()) filters.push(sql`${cases.code} ilike ${`%${escapeLike(q.q.trim())}%`}`);
  return and(...filters)!;
}

function listOrder(sort: string | undefined) {
  const field = (sort ?? '-registeredAt').replace(/^-/, '');
  const direction = (sort ?? '-registeredAt').startsWith('-') ? desc : asc;
  const column = field === 'reportedOn' ? cases.reportedOn : field === 'code' ? cases.code : cases.registeredAt;
  return [direction(column), direction(cases.id)];
}

export async function listVisibleCases(tx: Tx, actor: Actor, q: CaseListQuery) {
  const where = listFilters(actor, q);
  const rows = await tx.select().from(cases).where(where).orderBy(...listOrder(q.sort)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  const [total] = await tx.select({ n: sql<number>`${count()}::int` }).from(cases).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

/** The age facts and means of the victims of several cases (for Palermo and counts on list pages). */
export async function loadVictimSummaries(tx: Tx, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return tx
    .select({
      id: caseVictims.id, caseId: caseVictims.caseId, ageYears: caseVictims.ageYears, ageEstimated: caseVictims.ageEstimated,
      ageVerified: caseVictims.ageVerified, ageBand: caseVictims.ageBand, means: caseVictims.means,
    })
    .from(caseVictims)
    .where(inArray(caseVictims.caseId, caseIds));
}

export async function countSuspects(tx: Tx, caseIds: string[]) {
  if (caseIds.length === 0) return new Map<string, number>();
  const rows = await tx
    .select({ caseId: caseSuspects.caseId, n: sql<number>`${count()}::int` })
    .from(caseSuspects)
    .where(inArray(caseSuspects.caseId, caseIds))
    .groupBy(caseSuspects.caseId);
  return new Map(rows.map((r) => [r.caseId, Number(r.n)]));
}
