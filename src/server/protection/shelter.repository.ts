import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { StayDates } from '../../core/protection/occupancy';
import type { Tx } from '../../db/connect';
import { caseVictims, institutions, persons, shelters, shelterStays } from '../../db/schema';

export type ShelterRow = typeof shelters.$inferSelect;
export type StayRow = typeof shelterStays.$inferSelect;

/** Stays occupying `day` (src/core/protection/occupancy.ts in SQL): nights [in, out), a same-day stay its day. */
export function occupiesDaySql(day: string): SQL {
  return sql`(${shelterStays.checkInOn} <= ${day}::date and (${shelterStays.checkOutOn} is null or ${shelterStays.checkOutOn} > ${day}::date
    or (${shelterStays.checkOutOn} = ${shelterStays.checkInOn} and ${shelterStays.checkInOn} = ${day}::date)))`;
}

const occupiedOn = (day: string) =>
  sql<number>`(select count(*)::int from ${shelterStays} where ${shelterStays.shelterId} = ${shelters.id} and ${occupiesDaySql(day)})`;

const sorts: Record<string, SQL> = { name: asc(shelters.name), '-name': desc(shelters.name), capacityBeds: asc(shelters.capacityBeds), '-capacityBeds': desc(shelters.capacityBeds) };

/** Shelters are a directory every protection user may read (to choose where to refer): no row scope. */
export async function listShelters(tx: Tx, filter: SQL | undefined, page: { page: number; pageSize: number; sort?: string }, day: string) {
  const rows = await tx
    .select({ shelter: shelters, institutionName: institutions.name, occupied: occupiedOn(day) })
    .from(shelters)
    .innerJoin(institutions, eq(institutions.id, shelters.institutionId))
    .where(filter)
    .orderBy(sorts[page.sort ?? ''] ?? asc(shelters.name), asc(shelters.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [count] = await tx.select({ total: sql<number>`count(*)::int` }).from(shelters).where(filter);
  return { rows, total: count?.total ?? 0 };
}

export async function findShelter(tx: Tx, id: string, day: string) {
  const [row] = await tx
    .select({ shelter: shelters, institutionName: institutions.name, occupied: occupiedOn(day) })
    .from(shelters)
    .innerJoin(institutions, eq(institutions.id, shelters.institutionId))
    .where(eq(shelters.id, id))
    .limit(1);
  return row;
}

/** Locks the shelter row: stays of one shelter are then checked against capacity one at a time. */
export async function lockShelter(tx: Tx, id: string): Promise<ShelterRow | undefined> {
  const [row] = await tx.select().from(shelters).where(eq(shelters.id, id)).limit(1).for('update');
  return row;
}

/**
 * Locks the victim row (not its key, so inserts referring to it still pass): stays of one victim are then
 * checked against each other one at a time, whichever shelters they are in. Taken after the shelter lock.
 */
export async function lockVictimForStays(tx: Tx, caseVictimId: string): Promise<void> {
  await tx.select({ id: caseVictims.id }).from(caseVictims).where(eq(caseVictims.id, caseVictimId)).for('no key update');
}

/** The person's sex and birth year (clear columns, never identity): what placement warnings read besides the victim row. */
export async function placementPerson(tx: Tx, personId: string): Promise<{ sex: string; birthYear: number | null }> {
  const [row] = await tx.select({ sex: persons.sex, birthYear: persons.birthYear }).from(persons).where(eq(persons.id, personId)).limit(1);
  return row ?? { sex: 'unknown', birthYear: null };
}

/** Stays of a shelter that may share a day with a stay starting on `from` (the pure rule does the rest). */
export async function staysFrom(tx: Tx, shelterId: string, from: string, exceptStayId?: string): Promise<StayDates[]> {
  const rows = await tx
    .select({ checkInOn: shelterStays.checkInOn, checkOutOn: shelterStays.checkOutOn, id: shelterStays.id })
    .from(shelterStays)
    .where(and(eq(shelterStays.shelterId, shelterId), or(sql`${shelterStays.checkOutOn} is null`, sql`${shelterStays.checkOutOn} >= ${from}::date`)));
  return rows.filter((r) => r.id !== exceptStayId);
}

/** Other stays of the same victim (any shelter) that could overlap a stay starting on `from`. */
export async function victimStaysFrom(tx: Tx, caseVictimId: string, from: string, exceptStayId?: string): Promise<StayDates[]> {
  const rows = await tx
    .select({ checkInOn: shelterStays.checkInOn, checkOutOn: shelterStays.checkOutOn, id: shelterStays.id })
    .from(shelterStays)
    .where(and(eq(shelterStays.caseVictimId, caseVictimId), or(sql`${shelterStays.checkOutOn} is null`, sql`${shelterStays.checkOutOn} >= ${from}::date`)));
  return rows.filter((r) => r.id !== exceptStayId);
}

export async function listStays(tx: Tx, shelterId: string, filter: SQL | undefined, page: { page: number; pageSize: number }) {
  const where = and(eq(shelterStays.shelterId, shelterId), filter);
  const rows = await tx.select().from(shelterStays).where(where).orderBy(desc(shelterStays.checkInOn), asc(shelterStays.id)).limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  const [count] = await tx.select({ total: sql<number>`count(*)::int` }).from(shelterStays).where(where);
  return { rows, total: count?.total ?? 0 };
}
