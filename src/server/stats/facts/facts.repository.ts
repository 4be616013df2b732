/**
 * SQL of the fact tables: loading what src/core/stats/facts.ts derives from, and replacing a set of
 * cases' fact rows. Not scoped by actor: facts are system data, read only through the statistics engine,
 * which applies the statistics scope (src/server/policy statsScope).
 */
import { and, asc, eq, getTableColumns, max, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { CaseFacts, FactsInput, FactsPerson } from '../../../core/stats/facts';
import type { ChainEvent } from '../../../core/justice/chain';
import type { Tx } from '../../../db/connect';
import { caseEvents, casePlaces, cases, caseSuspects, caseVictims, justiceEvents, persons, statsCaseFacts, statsDefendantFacts, statsFactQueue, statsVictimFacts, units } from '../../../db/schema';
import { loadFramework, type StoredFramework } from '../../legal/legal.repository';
import { toChainEvents, withArticles } from '../../justice/justice.repository';
import { factsForSuspect, loadAggravatingFacts } from '../../justice/aggravation.facts';
import { alias } from 'drizzle-orm/pg-core';
import { applyVictimFacts, deleteVictimFacts } from '../cubes/cubes.repository';

/** Advisory-lock namespace of fact refreshes: two transactions never recompute the same case at once. */
const FACTS_LOCK_CLASS = 4217;
const LOCK_BUCKETS = 1024;

/**
 * Serialises refreshes of the same cases (buckets of a hash, taken in order: no deadlock between two
 * refreshes). Each following statement reads the rows committed meanwhile (READ COMMITTED), so the
 * later of two concurrent writers recomputes from both changes.
 */
export async function lockCases(tx: Tx, caseIds: readonly string[]) {
  if (!caseIds.length) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${FACTS_LOCK_CLASS}, b) from (
    select distinct abs(hashtext(x) % ${LOCK_BUCKETS}) as b from unnest(string_to_array(${caseIds.join(',')}, ',')) x order by b) s`);
}

/** The queued cases, removed from the queue (own changes and any committed by a write outside a transaction). */
export async function takeQueuedCases(tx: Tx): Promise<string[]> {
  const rows = await tx.delete(statsFactQueue).returning({ caseId: statsFactQueue.caseId });
  return [...new Set(rows.map((r) => r.caseId))];
}

/** Empties the queue at once (the rebuild recomputes every case): TRUNCATE leaves no dead rows to scan. */
export async function clearQueue(tx: Tx) {
  await tx.execute(sql`truncate stats_fact_queue`);
}

const p0 = alias(persons, 'p0');
/** `column = any(ids)` with one bind parameter however many ids (no 65 535-parameter limit, less to parse). */
const anyId = (column: AnyColumn, ids: readonly string[]) => sql`${column} = any(string_to_array(${ids.join(',')}, ',')::uuid[])`;
const personColumns = {
  id: persons.id, sex: persons.sex, birthYear: persons.birthYear, nationalities: persons.nationalities, originUbigeo: persons.originUbigeo, hasIdentityDocument: persons.hasIdentityDocument,
};

/** Everything the facts of these cases derive from; cases that no longer exist are absent. */
export async function loadFactsInputs(tx: Tx, caseIds: readonly string[], framework: () => Promise<StoredFramework>): Promise<FactsInput[]> {
  const ids = [...caseIds];
  const caseRows = await tx.select().from(cases).where(anyId(cases.id, ids));
  if (!caseRows.length) return [];
  const registrations = await tx
    .selectDistinctOn([caseEvents.caseId], { caseId: caseEvents.caseId, unitId: units.id, institutionId: units.institutionId, departmentCode: units.departmentCode })
    .from(caseEvents)
    .innerJoin(units, eq(units.id, caseEvents.unitId))
    .where(and(anyId(caseEvents.caseId, ids), eq(caseEvents.type, 'registration')))
    .orderBy(caseEvents.caseId, asc(caseEvents.at), asc(caseEvents.id));
  const lastEvents = await tx.select({ caseId: caseEvents.caseId, at: max(caseEvents.at) }).from(caseEvents).where(anyId(caseEvents.caseId, ids)).groupBy(caseEvents.caseId);
  const places = await tx
    .selectDistinct({ caseId: casePlaces.caseId, department: casePlaces.departmentCode })
    .from(casePlaces)
    .where(and(anyId(casePlaces.caseId, ids), eq(casePlaces.kind, 'exploitation'), sql`${casePlaces.departmentCode} is not null`));
  // A merged person is one person (issue 9 item 4): the surviving record's attributes.
  const victims = await tx
    .select({ v: caseVictims, person: personColumns })
    .from(caseVictims)
    .innerJoin(p0, eq(p0.id, caseVictims.personId))
    .innerJoin(persons, eq(persons.id, sql`coalesce(${p0.mergedIntoId}, ${p0.id})`))
    .where(anyId(caseVictims.caseId, ids));
  const suspects = await tx
    .select({ s: caseSuspects, person: personColumns })
    .from(caseSuspects)
    .innerJoin(p0, eq(p0.id, caseSuspects.personId))
    .innerJoin(persons, eq(persons.id, sql`coalesce(${p0.mergedIntoId}, ${p0.id})`))
    .where(anyId(caseSuspects.caseId, ids));
  const eventRows = await tx.select().from(justiceEvents).where(anyId(justiceEvents.caseId, ids));
  const legal = eventRows.length ? await framework() : null;
  const chain = legal ? toChainEvents(await withArticles(tx, eventRows), legal) : [];
  // What omitted aggravation compares the charges with (victims' ages, disability, organised crime): only
  // for cases whose defendants have justice events.
  const aggravating = legal ? await loadAggravatingFacts(tx, [...new Set(eventRows.map((e) => e.caseId))]) : new Map();
  const suspectOf = new Map(eventRows.map((e) => [e.id, e.suspectId]));
  const eventsBySuspect = group(chain, (e) => suspectOf.get(e.id)!);
  const registrationOf = new Map(registrations.map((r) => [r.caseId, r]));
  const lastOf = new Map(lastEvents.map((r) => [r.caseId, r.at]));
  const placesOf = group(places, (p) => p.caseId);
  const victimsOf = group(victims, (v) => v.v.caseId);
  const suspectsOf = group(suspects, (s) => s.s.caseId);
  const person = (p: typeof victims[number]['person']): FactsPerson => ({ ...p, nationalities: p.nationalities ?? [] });
  return caseRows.map((c) => {
    const registration = registrationOf.get(c.id);
    return {
      case: {
        id: c.id,
        registeredAt: c.registeredAt,
        reportedOn: c.reportedOn,
        factsStart: c.factsStart,
        status: c.status,
        source: c.source,
        purposes: c.purposes,
        sectors: c.sectors,
        owner: { unitId: c.unitId, institutionId: c.institutionId, departmentCode: c.departmentCode },
      },
      registration: registration ? { unitId: registration.unitId, institutionId: registration.institutionId, departmentCode: registration.departmentCode } : null,
      exploitationDepartments: (placesOf.get(c.id) ?? []).map((p) => p.department!),
      lastCaseEventAt: lastOf.get(c.id) ?? null,
      framework: legal,
      victims: (victimsOf.get(c.id) ?? []).map(({ v, person: p }) => ({
        id: v.id,
        identificationStatus: v.identificationStatus,
        ageYears: v.ageYears,
        ageEstimated: v.ageEstimated,
        ageVerified: v.ageVerified,
        ageBand: v.ageBand,
        exploitationForms: v.exploitationForms,
        identifiedOn: v.identifiedOn,
        housedOnIdentification: v.housedOnIdentification,
        person: person(p),
      })),
      suspects: (suspectsOf.get(c.id) ?? []).map(({ s, person: p }) => ({
        id: s.id,
        isPublicOfficial: s.isPublicOfficial,
        person: person(p),
        events: eventsBySuspect.get(s.id) ?? ([] as ChainEvent[]),
        aggravatingFacts: factsForSuspect(aggravating.get(c.id), s),
      })),
    };
  });
}

function group<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/**
 * `insert … select` of rows given as one JSON parameter expanded by the server (json_populate_recordset): far
 * cheaper than a bind parameter per value for thousands of wide rows. Keys are the table's column names.
 */
function insertJson(table: PgTable, name: string, rows: ReadonlyArray<Record<string, unknown>>): SQL {
  const columns = Object.entries(getTableColumns(table)).map(([key, column]) => [key, column.name] as const);
  const json = rows.map((row) => Object.fromEntries(columns.map(([key, column]) => [column, row[key] ?? null])));
  const list = columns.map(([, column]) => `"${column}"`).join(', ');
  return sql`insert into ${sql.raw(name)} (${sql.raw(list)}) select ${sql.raw(list)} from json_populate_recordset(null::${sql.raw(name)}, ${JSON.stringify(json)}::json)`;
}

/**
 * Replaces every fact row of these cases with the ones given (none for a case that no longer exists): the
 * victim facts are deleted with what they counted in the cubes, one statement deletes the other two tables'
 * rows and one inserts into all three (data-modifying WITH), then the cubes take the difference.
 */
export async function replaceFacts(tx: Tx, caseIds: readonly string[], facts: readonly CaseFacts[]) {
  const ids = [...caseIds];
  // The cubes and the repeat-person list follow the victim facts in the same transaction.
  const removed = await deleteVictimFacts(tx, ids);
  await tx.execute(sql`with d as (delete from ${statsDefendantFacts} where ${anyId(statsDefendantFacts.caseId, ids)})
    delete from ${statsCaseFacts} where ${anyId(statsCaseFacts.caseId, ids)}`);
  const inserts = [
    { table: statsCaseFacts, name: 'stats_case_facts', rows: facts.map((f) => f.case) },
    { table: statsVictimFacts, name: 'stats_victim_facts', rows: facts.flatMap((f) => f.victims) },
    { table: statsDefendantFacts, name: 'stats_defendant_facts', rows: facts.flatMap((f) => f.defendants) },
  ].filter((i) => i.rows.length > 0);
  if (inserts.length) {
    const [last, ...before] = inserts.reverse().map((i) => insertJson(i.table, i.name, i.rows));
    const ctes = before.map((statement, k) => sql`i${sql.raw(String(k))} as (${statement})`);
    await tx.execute(ctes.length ? sql`with ${sql.join(ctes, sql`, `)} ${last}` : last!);
  }
  await applyVictimFacts(tx, ids, removed, facts.flatMap((f) => f.victims.map((v) => v.personId)));
}

/** Every case id, in keyed pages (the rebuild walks them in batches). */
export async function caseIdsAfter(tx: Tx, after: string | null, limit: number): Promise<string[]> {
  const rows = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(after ? sql`${cases.id} > ${after}` : undefined)
    .orderBy(asc(cases.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Removes fact rows whose case no longer exists (the rebuild's last step). */
export async function deleteOrphanFacts(tx: Tx) {
  for (const table of ['stats_case_facts', 'stats_victim_facts', 'stats_defendant_facts']) {
    await tx.execute(sql`delete from ${sql.raw(table)} f where not exists (select 1 from cases c where c.id = f.case_id)`);
  }
}

export { loadFramework };
