import { and, asc, count, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { startOfNextDayInTimeZone, startOfDayInTimeZone } from '../../core/country-date';
import { CASE_LIST_TOTAL_CAP, type CaseListQuery } from '../../contracts/cases';
import type { Tx } from '../../db/connect';
import { casePlaces, cases, caseSuspects, caseVictims, persons } from '../../db/schema';
import type { Actor } from '../context';
import { visibleCaseBranches } from '../policy';
import { invalid } from '../errors/app-error';

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

/** The filters of the query, without scope (the scope comes from the policy, per branch). */
function listFilters(q: CaseListQuery): SQL[] {
  const filters: SQL[] = [];
  if (q.from) filters.push(gte(cases.registeredAt, startOfDayInTimeZone(q.from)));
  if (q.to) filters.push(lt(cases.registeredAt, startOfNextDayInTimeZone(q.to)));
  if (q.department) {
    filters.push(sql`(${cases.departmentCode} = ${q.department} or exists (select 1 from ${casePlaces}
      where ${casePlaces.caseId} = ${cases.id} and ${casePlaces.kind} = 'exploitation' and ${casePlaces.departmentCode} = ${q.department}))`);
  }
  if (q.purpose) filters.push(sql`${q.purpose} = any(${cases.purposes})`);
  if (q.status) filters.push(eq(cases.status, q.status));
  if (q.unitId) filters.push(eq(cases.unitId, q.unitId));
  if (q.institutionId) filters.push(eq(cases.institutionId, q.institutionId));
  if (q.q?.trim()) filters.push(sql`${cases.code} ilike ${`%${escapeLike(q.q.trim())}%`}`);
  return filters;
}

interface ListOrder {
  sort: string;
  column: typeof cases.registeredAt | typeof cases.reportedOn | typeof cases.code;
  /** The SQL type the cursor's text value is read back as. */
  type: 'timestamptz' | 'date' | 'text';
  descending: boolean;
}

function listOrder(sort: string | undefined): ListOrder {
  const value = sort ?? '-registeredAt';
  const field = value.replace(/^-/, '');
  const descending = value.startsWith('-');
  if (field === 'reportedOn') return { sort: value, column: cases.reportedOn, type: 'date', descending };
  if (field === 'code') return { sort: value, column: cases.code, type: 'text', descending };
  return { sort: value, column: cases.registeredAt, type: 'timestamptz', descending };
}

const orderBy = (o: ListOrder) => (o.descending ? [desc(o.column), desc(cases.id)] : [asc(o.column), asc(cases.id)]);
const orderSql = (o: ListOrder) => (o.descending ? sql`${o.column} desc, ${cases.id} desc` : sql`${o.column} asc, ${cases.id} asc`);

/** A cursor: the sort it belongs to, the last row's sort value (as the database prints it, exact) and id. */
interface Cursor {
  s: string;
  v: string;
  id: string;
}

export const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

function decodeCursor(raw: string, order: ListOrder): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<Cursor>;
    const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    if (c && c.s === order.sort && typeof c.v === 'string' && c.v.length <= 200 && typeof c.id === 'string' && uuidLike.test(c.id)) {
      return { s: c.s, v: c.v, id: c.id };
    }
  } catch {
    // falls through to the refusal below
  }
  throw invalid({ cursor: 'invalid_value' });
}

/** Rows after the cursor in the list's order: a row comparison an index on (key, id) serves. */
function afterCursor(o: ListOrder, c: Cursor): SQL {
  const value = sql`${c.v}::${sql.raw(o.type)}`;
  return o.descending ? sql`(${o.column}, ${cases.id}) < (${value}, ${c.id}::uuid)` : sql`(${o.column}, ${cases.id}) > (${value}, ${c.id}::uuid)`;
}

/**
 * The ids of at most `limit` visible cases matching `where`, as a UNION of one query per policy branch
 * (visibleCaseBranches): each branch can use its own index and stops at `limit`, ordered like the list.
 */
function visibleIds(actor: Actor, where: SQL[], order: ListOrder | null, limit: number): SQL {
  const branches = visibleCaseBranches(actor).map((branch) => {
    const ordered = order ? sql` order by ${orderSql(order)}` : sql``;
    return sql`(select ${cases.id} from ${cases} where ${and(branch, ...where)}${ordered} limit ${limit})`;
  });
  return sql.join(branches, sql` union `);
}

/**
 * The same ids for counting: each branch leaves out what an earlier one gives (`is not true`: a null
 * department is not "given"), so the branches never overlap and UNION ALL needs no de-duplication of
 * thousands of ids (measured at 1M: the hash of 10,001 ids was most of the list's time).
 */
function visibleIdsToCount(actor: Actor, where: SQL[], limit: number): SQL {
  const all = visibleCaseBranches(actor);
  const branches = all.map((branch, i) => {
    const earlier = all.slice(0, i).map((b) => sql`(${b}) is not true`);
    return sql`(select ${cases.id} from ${cases} where ${and(branch, ...earlier, ...where)} limit ${limit})`;
  });
  return sql.join(branches, sql` union all `);
}

export interface CaseListPage {
  rows: CaseRow[];
  total: number;
  totalCapped: boolean;
  nextCursor: string | null;
}

/**
 * One page of the visible cases: by page/offset, or (with `limit`/`cursor`) by key after the cursor. The
 * total is counted up to CASE_LIST_TOTAL_CAP (beyond it: capped), never by an exact count of everything.
 */
export async function listVisibleCases(tx: Tx, actor: Actor, q: CaseListQuery): Promise<CaseListPage> {
  const filters = listFilters(q);
  const order = listOrder(q.sort);
  const keyset = q.limit !== undefined || q.cursor !== undefined;
  const size = keyset ? (q.limit ?? q.pageSize) : q.pageSize;
  const offset = keyset ? 0 : (q.page - 1) * q.pageSize;
  const pageWhere = q.cursor ? [...filters, afterCursor(order, decodeCursor(q.cursor, order))] : filters;
  const found = await tx
    .select({ row: cases, sortKey: sql<string>`${order.column}::text` })
    .from(cases)
    .where(sql`${cases.id} in (${visibleIds(actor, pageWhere, order, offset + size + 1)})`)
    .orderBy(...orderBy(order))
    .limit(size + 1)
    .offset(offset);
  const page = found.slice(0, size);
  const last = page[page.length - 1];
  const nextCursor = keyset && found.length > size && last ? encodeCursor({ s: order.sort, v: last.sortKey, id: last.row.id }) : null;
  const [counted] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(sql`(${visibleIdsToCount(actor, filters, CASE_LIST_TOTAL_CAP + 1)} limit ${CASE_LIST_TOTAL_CAP + 1}) as visible_ids`);
  const n = Number(counted?.n ?? 0);
  return { rows: page.map((r) => r.row), total: Math.min(n, CASE_LIST_TOTAL_CAP), totalCapped: n > CASE_LIST_TOTAL_CAP, nextCursor };
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
