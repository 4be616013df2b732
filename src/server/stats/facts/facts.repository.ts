/**
 * SQL of the fact tables: loading what src/core/stats/facts.ts derives from, and replacing a set of
 * cases' fact rows. Not scoped by actor: facts are system data, read only through the statistics engine,
 * which applies the statistics scope (src/server/policy statsScope).
 */
import { asc, getTableColumns, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { CaseFacts, FactsInput, FactsPerson } from '../../../core/stats/facts';
import type { ChainEvent } from '../../../core/justice/chain';
import type { Tx } from '../../../db/connect';
import { textArray } from '../../../db/text-array';
import { cases, justiceEvents, statsCaseFacts, statsDefendantFacts, statsFactQueue, statsVictimFacts } from '../../../db/schema';
import { loadFramework, type StoredFramework } from '../../legal/legal.repository';
import { toChainEvents, withArticles } from '../../justice/justice.repository';
import { factsForSuspect, loadAggravatingFacts } from '../../justice/aggravation.facts';
import { ctes, deleteCountedFacts, insertCountedFacts } from '../cubes/cubes.repository';

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

/** Empties the queue at once (the rebuild recomputes every case): TRUNCATE leaves no dead rows to scan. */
export async function clearQueue(tx: Tx) {
  await tx.execute(sql`truncate stats_fact_queue`);
}

/** Every case waiting in the queue (read, not taken): the start-up catch-up works through them in batches. */
export async function queuedCaseIds(tx: Tx): Promise<string[]> {
  const result = (await tx.execute(sql`select array(select distinct case_id::text from stats_fact_queue order by 1) as ids`)) as unknown as Rows<{ ids: string[] | string }>;
  return textArray(result.rows[0]?.ids);
}

/** Takes these cases off the queue (once their facts are recomputed). */
export async function dequeueCases(tx: Tx, caseIds: readonly string[]) {
  if (caseIds.length) await tx.execute(sql`delete from ${statsFactQueue} where ${anyId(statsFactQueue.caseId, caseIds)}`);
}

/** `column = any(ids)` with one bind parameter however many ids (no 65 535-parameter limit, less to parse). */
const anyId = (column: AnyColumn, ids: readonly string[]) => sql`${column} = any(string_to_array(${ids.join(',')}, ',')::uuid[])`;

type Rows<T> = { rows: T[] };
/** json/json[] columns: parsed by pg, sometimes text on PGlite. */
const fromJson = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/**
 * The queued cases taken off the queue and their advisory locks taken, in ONE statement (the queue holds this
 * transaction's changes and any committed by a write outside one). The facts are loaded by the next statement,
 * which starts after the locks are held and so reads what a concurrent refresh of the same cases committed.
 */
export async function takeAndLockQueuedCases(tx: Tx): Promise<string[]> {
  const result = (await tx.execute(sql`with q as (delete from stats_fact_queue returning case_id),
      ids as (select distinct case_id::text as id from q)
    select array(select id from ids order by id) as ids,
      (select count(pg_advisory_xact_lock(${FACTS_LOCK_CLASS}, b)) from (
        select distinct abs(hashtext(id) % ${LOCK_BUCKETS}) as b from ids order by b) s)::int as locked`)) as unknown as Rows<{ ids: string[] | string }>;
  return textArray(result.rows[0]?.ids);
}

/** A person's attributes as facts read them: the surviving record when this one was merged (issue 9 item 4). */
const personJson = (link: string) => `(select json_build_object('id', p.id, 'sex', p.sex, 'birthYear', p.birth_year, 'nationalities', p.nationalities,
    'originUbigeo', p.origin_ubigeo, 'hasIdentityDocument', p.has_identity_document)
  from persons p0 join persons p on p.id = coalesce(p0.merged_into_id, p0.id) where p0.id = ${link}.person_id)`;

/**
 * One row per existing case with everything its facts derive from except the justice chain, built as JSON by
 * the server: one round trip instead of one per table. `hasEvents` says whether the chain must be loaded.
 */
const inputsSql = (ids: readonly string[]) => sql`select json_build_object(
    'case', json_build_object('id', c.id, 'registeredAt', c.registered_at, 'reportedOn', c.reported_on, 'factsStart', c.facts_start,
      'status', c.status, 'source', c.source, 'purposes', c.purposes, 'sectors', c.sectors,
      'owner', json_build_object('unitId', c.unit_id, 'institutionId', c.institution_id, 'departmentCode', c.department_code)),
    'registration', (select json_build_object('unitId', u.id, 'institutionId', u.institution_id, 'departmentCode', u.department_code)
      from case_events e join units u on u.id = e.unit_id where e.case_id = c.id and e.type = 'registration' order by e.at, e.id limit 1),
    'lastCaseEventAt', (select max(e.at) from case_events e where e.case_id = c.id),
    'exploitationDepartments', array(select distinct pl.department_code from case_places pl
      where pl.case_id = c.id and pl.kind = 'exploitation' and pl.department_code is not null),
    'victims', coalesce((select json_agg(json_build_object('id', v.id, 'identificationStatus', v.identification_status,
        'ageYears', v.age_years, 'ageEstimated', v.age_estimated, 'ageVerified', v.age_verified, 'ageBand', v.age_band,
        'exploitationForms', v.exploitation_forms, 'identifiedOn', v.identified_on, 'housedOnIdentification', v.housed_on_identification,
        'person', ${sql.raw(personJson('v'))})) from case_victims v where v.case_id = c.id), '[]'::json),
    'suspects', coalesce((select json_agg(json_build_object('id', s.id, 'isPublicOfficial', s.is_public_official,
        'organisedGroupMember', s.organised_group_member, 'person', ${sql.raw(personJson('s'))})) from case_suspects s where s.case_id = c.id), '[]'::json),
    'hasEvents', exists (select 1 from justice_events j where j.case_id = c.id)
  ) as input from cases c where c.id = any(string_to_array(${ids.join(',')}, ',')::uuid[])`;

interface InputRow {
  case: Omit<FactsInput['case'], 'registeredAt'> & { registeredAt: string };
  registration: FactsInput['registration'];
  lastCaseEventAt: string | null;
  exploitationDepartments: string[];
  victims: Array<Omit<FactsInput['victims'][number], 'person'> & { person: FactsPerson }>;
  suspects: Array<{ id: string; isPublicOfficial: boolean; organisedGroupMember: boolean; person: FactsPerson }>;
  hasEvents: boolean;
}

/** Everything the facts of these cases derive from; cases that no longer exist are absent. */
export async function loadFactsInputs(tx: Tx, caseIds: readonly string[], framework: () => Promise<StoredFramework>): Promise<FactsInput[]> {
  const ids = [...caseIds];
  const loaded = (await tx.execute(inputsSql(ids))) as unknown as Rows<{ input: InputRow | string }>;
  const rows = loaded.rows.map((r) => fromJson(r.input));
  if (!rows.length) return [];
  // The justice chain (and what omitted aggravation compares the charges with: victims' ages, disability,
  // organised crime) only for the cases that have justice events: none at registration.
  const withEvents = rows.filter((r) => r.hasEvents).map((r) => r.case.id);
  const eventRows = withEvents.length ? await tx.select().from(justiceEvents).where(anyId(justiceEvents.caseId, withEvents)) : [];
  const legal = eventRows.length ? await framework() : null;
  const chain = legal ? toChainEvents(await withArticles(tx, eventRows), legal) : [];
  const aggravating = legal ? await loadAggravatingFacts(tx, [...new Set(eventRows.map((e) => e.caseId))]) : new Map();
  const suspectOf = new Map(eventRows.map((e) => [e.id, e.suspectId]));
  const eventsBySuspect = group(chain, (e) => suspectOf.get(e.id)!);
  const person = (p: FactsPerson): FactsPerson => ({ ...p, nationalities: p.nationalities ?? [] });
  return rows.map((r) => ({
    case: { ...r.case, registeredAt: new Date(r.case.registeredAt) },
    registration: r.registration,
    exploitationDepartments: r.exploitationDepartments ?? [],
    lastCaseEventAt: r.lastCaseEventAt === null ? null : new Date(r.lastCaseEventAt),
    framework: legal,
    victims: r.victims.map((v) => ({ ...v, person: person(v.person) })),
    suspects: r.suspects.map((s) => ({
      id: s.id,
      isPublicOfficial: s.isPublicOfficial,
      person: person(s.person),
      events: eventsBySuspect.get(s.id) ?? ([] as ChainEvent[]),
      aggravatingFacts: factsForSuspect(aggravating.get(r.case.id), s),
    })),
  }));
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
 * Replaces every fact row of these cases with the ones given (none for a case that no longer exists): one
 * statement deletes the three tables' rows (the victim facts with what they counted in the cubes), one inserts
 * into all three (data-modifying WITH), one applies the cubes' difference and the repeat persons.
 * `cubes: false` (the full rebuild, which rebuilds the cubes once at its end): one delete, one insert, no difference.
 */
export async function replaceFacts(tx: Tx, caseIds: readonly string[], facts: readonly CaseFacts[], options: { cubes?: boolean } = {}) {
  const ids = [...caseIds];
  const deleteCases = sql`delete from ${statsCaseFacts} where ${anyId(statsCaseFacts.caseId, ids)}`;
  const inserts = [
    { table: statsCaseFacts, name: 'stats_case_facts', rows: facts.map((f) => f.case) },
    { table: statsVictimFacts, name: 'stats_victim_facts', rows: facts.flatMap((f) => f.victims) },
    { table: statsDefendantFacts, name: 'stats_defendant_facts', rows: facts.flatMap((f) => f.defendants) },
  ].filter((i) => i.rows.length > 0);
  if (options.cubes === false) {
    // A full rebuild: the cubes and repeat persons are recomputed once at its end, not kept batch by batch.
    await tx.execute(sql`with ${ctes([
      deleteCases,
      sql`delete from ${statsVictimFacts} where ${anyId(statsVictimFacts.caseId, ids)}`,
      sql`delete from ${statsDefendantFacts} where ${anyId(statsDefendantFacts.caseId, ids)}`,
    ])} select 1`);
    if (inserts.length) {
      const [last, ...before] = inserts.map((i) => insertJson(i.table, i.name, i.rows));
      await tx.execute(before.length ? sql`with ${ctes(before)} ${last}` : last!);
    }
    return;
  }
  const removed = await deleteCountedFacts(tx, ids, [deleteCases]);
  await insertCountedFacts(
    tx,
    ids,
    inserts.map((i) => insertJson(i.table, i.name, i.rows)),
    removed,
    facts.flatMap((f) => f.victims.map((v) => v.personId)),
  );
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
