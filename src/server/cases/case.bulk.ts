import { and, eq, inArray } from 'drizzle-orm';
import type { CaseCreate, SuspectCreate, VictimCreate } from '../../contracts/cases';
import type { CaseUpsert, SuspectUpsert, VictimUpsert } from '../../contracts/upserts';
import type { Tx } from '../../db/connect';
import { caseEvents, casePlaces, cases, caseSuspects, caseVictims, persons } from '../../db/schema';
import { writeAudits, type AuditInput } from '../audit/audit.writer';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { AppError, ruleRefused } from '../errors/app-error';
import { combineOutcomes, decideExisting, upsertHash } from '../idempotency/upsert-by-external-id';
import { enqueueMatches } from '../matching/match-queue';
import { personRowValues } from '../people/person.repository';
import { mayAddPartiesCondition, visibleCasesCondition } from '../policy';
import { nextCaseCodes } from './case.code';
import { orderedNow, placeValues, suspectLinkValues, victimLinkValues } from './case-parts.writer';
import { caseRowValues } from './case.row';
import { assertIdentityWrite } from './case.reader';
import { checkCaseCreate, checkPersonRef, checkVictimFields, FieldCheck, resolveRegisteringUnit, writesIdentity } from './case.validation';

/**
 * Upserts of many cases, victims or suspects by the sender's numbers in the CALLER's transaction (a batch of an
 * import): one look-up per table for what exists, the same decision per record as the one-record upsert
 * (decideExisting: unchanged / conflict / update), the same checks as a registration (checkCaseCreate, the
 * person and victim checks, identity.write, the scope conditions), then one multi-row insert per table, the
 * audit entries in one insert (one entry per record, as the one-record path writes), the new persons queued
 * for matching in one statement. The change feed and the statistics' facts follow from the triggers, per row.
 *
 * What a batch does not do itself is `deferred`, for the caller to run through the one-record upsert after the
 * batch commits: updates, a sender's number seen twice in one batch, an existing person not yet linked to the
 * case, a case the actor may not write. A record refused by a check is `refused` with the error its one-record
 * path would give, and the others are written.
 */
export type BulkResult =
  | { outcome: 'created' | 'unchanged' | 'conflict'; version: number }
  | { refused: AppError }
  | { deferred: true };

export interface BulkItem<Body> {
  externalId: string;
  body: Body;
}

const deferred: BulkResult = { deferred: true };

/** Runs a record's pure checks; an AppError they throw refuses that record only. */
function refusal(check: () => void): AppError | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

export function createCaseBulk(deps: Deps, options: { now?: () => Date } = {}) {
  const { cipher } = deps;
  const clock = options.now ?? (() => new Date());

  async function upsertCases(tx: Tx, ctx: Ctx, items: ReadonlyArray<BulkItem<CaseUpsert>>): Promise<BulkResult[]> {
    const inputs: CaseCreate[] = items.map((item) => ({ ...item.body, externalId: item.externalId }));
    // The create hashes its whole request, externalId included (as the one-record upsert does).
    const hashes = inputs.map((input) => upsertHash(cipher, 'case', input));
    const ids = items.map((i) => i.externalId);
    const existing = new Map(
      (await tx.select().from(cases).where(and(eq(cases.registeredByInstitutionId, ctx.actor.institutionId), inArray(cases.externalId, ids)))).map((r) => [r.externalId!, r]),
    );
    const visible = new Set(
      existing.size ? (await tx.select({ id: cases.id }).from(cases).where(and(inArray(cases.id, [...existing.values()].map((r) => r.id)), visibleCasesCondition(ctx.actor)))).map((r) => r.id) : [],
    );
    const results: BulkResult[] = new Array(items.length);
    const fresh: number[] = [];
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const found = existing.get(item.externalId);
      if (seen.has(item.externalId)) results[i] = deferred;
      else if (!found) fresh.push(i);
      else if (!visible.has(found.id)) results[i] = deferred; // out of scope now: the one-record path answers as it does
      else {
        const decision = decideExisting(hashes[i]!, found);
        results[i] = decision === 'update' ? deferred : { outcome: decision, version: found.version };
      }
      seen.add(item.externalId);
    });
    const checked = await FieldCheck.assertEach(tx, ctx, fresh.map((i) => checkCaseCreate(inputs[i]!)));
    const toWrite: number[] = [];
    fresh.forEach((i, k) => {
      const error = refusal(() => assertIdentityWrite(ctx, writesIdentity(inputs[i]!))) ?? checked[k];
      if (error) results[i] = { refused: error };
      else toWrite.push(i);
    });
    if (!toWrite.length) return results;

    const now = clock();
    const units = new Map<string | undefined, Awaited<ReturnType<typeof resolveRegisteringUnit>> | AppError>();
    for (const i of toWrite) {
      const unitId = inputs[i]!.unitId;
      if (!units.has(unitId)) units.set(unitId, await resolveRegisteringUnit(tx, ctx, unitId).catch((e: unknown) => (e instanceof AppError ? e : Promise.reject(e))));
    }
    const writable = toWrite.filter((i) => {
      const unit = units.get(inputs[i]!.unitId)!;
      if (unit instanceof AppError) results[i] = { refused: unit };
      return !(unit instanceof AppError);
    });
    if (!writable.length) return results;
    const codes = await nextCaseCodes(tx, now, writable.length);
    const rows = await tx
      .insert(cases)
      .values(writable.map((i, k) => caseRowValues(cipher, ctx, units.get(inputs[i]!.unitId) as Exclude<ReturnType<typeof units.get>, AppError | undefined>, inputs[i]!, { now, requestHash: hashes[i]!, code: codes[k]! })))
      .returning({ id: cases.id, externalId: cases.externalId, code: cases.code, unitId: cases.unitId, registeredBy: cases.registeredBy, version: cases.version });
    const byExternal = new Map(rows.map((r) => [r.externalId!, r]));
    const places = writable.flatMap((i) => (inputs[i]!.places ?? []).map((p) => placeValues(byExternal.get(items[i]!.externalId)!.id, p)));
    if (places.length) await tx.insert(casePlaces).values(places);
    await tx.insert(caseEvents).values(writable.map((i) => {
      const row = byExternal.get(items[i]!.externalId)!;
      return { caseId: row.id, type: 'registration', at: now, actorId: row.registeredBy, unitId: row.unitId, details: { source: inputs[i]!.source } };
    }));
    const audits: AuditInput[] = writable.map((i) => {
      const row = byExternal.get(items[i]!.externalId)!;
      results[i] = { outcome: 'created', version: row.version };
      return {
        action: 'case.create', entityType: 'case', entityId: row.id,
        details: { code: row.code, externalId: items[i]!.externalId, unitId: row.unitId, victimIds: [], suspectIds: [], newPersonIds: [], places: inputs[i]!.places?.length ?? 0 },
      };
    });
    await writeAudits(tx, ctx, audits);
    return results;
  }

  async function upsertParties(tx: Tx, ctx: Ctx, part: 'victim' | 'suspect', items: ReadonlyArray<BulkItem<VictimUpsert | SuspectUpsert>>): Promise<BulkResult[]> {
    const table = part === 'victim' ? caseVictims : caseSuspects;
    const split = items.map(({ externalId, body }) => {
      const { caseExternalId, person, ...fields } = body;
      const personInput = { ...(person ?? {}), externalId };
      // The hashes the one-record upsert stores: the person's as its creation in a case, the link's as the upsert's.
      return { caseExternalId, personInput, fields, personHash: upsertHash(cipher, 'person', personInput), linkHash: upsertHash(cipher, `case_${part}`, { caseExternalId, ...fields }) };
    });
    const own = ctx.actor.institutionId;
    const caseRows = await tx.select({ id: cases.id, externalId: cases.externalId }).from(cases)
      .where(and(eq(cases.registeredByInstitutionId, own), inArray(cases.externalId, [...new Set(split.map((s) => s.caseExternalId))])));
    const caseIds = new Map(caseRows.map((r) => [r.externalId!, r.id]));
    const addable = new Set(
      caseRows.length ? (await tx.select({ id: cases.id }).from(cases).where(and(inArray(cases.id, caseRows.map((r) => r.id)), mayAddPartiesCondition(ctx.actor)))).map((r) => r.id) : [],
    );
    const people = new Map(
      (await tx.select().from(persons).where(and(eq(persons.createdByInstitutionId, own), inArray(persons.externalId, items.map((i) => i.externalId))))).map((p) => [p.externalId!, p]),
    );
    const links = new Map(
      people.size ? (await tx.select().from(table).where(inArray(table.personId, [...people.values()].map((p) => p.id)))).map((l) => [`${l.caseId}|${l.personId}`, l]) : [],
    );

    const results: BulkResult[] = new Array(items.length);
    const fresh: number[] = [];
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const s = split[i]!;
      const caseId = caseIds.get(s.caseExternalId);
      const person = people.get(item.externalId);
      const link = person && caseId ? links.get(`${caseId}|${person.id}`) : undefined;
      if (!caseId) results[i] = { refused: ruleRefused('upsert.case_not_found', undefined, { caseExternalId: 'upsert.case_not_found' }) };
      else if (seen.has(item.externalId) || !addable.has(caseId)) results[i] = deferred;
      else if (!person) fresh.push(i);
      else if (!link) results[i] = deferred;
      else {
        const decisions = [decideExisting(s.personHash, person), decideExisting(s.linkHash, link)];
        results[i] = decisions.includes('update') ? deferred : { outcome: combineOutcomes(decisions as Array<'unchanged' | 'conflict'>) as 'unchanged' | 'conflict', version: link.version };
      }
      seen.add(item.externalId);
    });

    const checked = await FieldCheck.assertEach(tx, ctx, fresh.map((i) => {
      const check = new FieldCheck();
      const input = { person: split[i]!.personInput, ...split[i]!.fields } as VictimCreate;
      checkPersonRef(check, input, '');
      if (part === 'victim') checkVictimFields(check, input, '');
      return check;
    }));
    const toWrite = fresh.filter((i, k) => {
      const error = refusal(() => assertIdentityWrite(ctx, split[i]!.personInput.identity !== undefined)) ?? checked[k];
      if (error) results[i] = { refused: error };
      return !error;
    });
    if (!toWrite.length) return results;

    const newPersons = await tx
      .insert(persons)
      .values(toWrite.map((i) => personRowValues(cipher, own, split[i]!.personInput, split[i]!.personHash)))
      .returning({ id: persons.id, externalId: persons.externalId });
    const personIds = new Map(newPersons.map((p) => [p.externalId!, p.id]));
    await enqueueMatches(tx, newPersons.map((p) => p.id), ctx.actor.userId);
    const linkRows = await tx
      .insert(table)
      .values(toWrite.map((i, k) => {
        const s = split[i]!;
        const common = { caseId: caseIds.get(s.caseExternalId)!, personId: personIds.get(items[i]!.externalId)!, createdAt: orderedNow(k), requestHash: s.linkHash, syncedVersion: 1 };
        return part === 'victim' ? { ...common, ...victimLinkValues(ctx, s.fields as VictimCreate) } : { ...common, ...suspectLinkValues(s.fields as SuspectCreate) };
      }) as never)
      .returning({ id: table.id, caseId: table.caseId, personId: table.personId, version: table.version });
    const byPerson = new Map(linkRows.map((l) => [l.personId, l]));
    const touched = [...new Set(linkRows.map((l) => l.caseId))];
    await tx.update(cases).set({ lastActivityAt: new Date() }).where(inArray(cases.id, touched));
    await writeAudits(tx, ctx, toWrite.map((i) => {
      const link = byPerson.get(personIds.get(items[i]!.externalId)!)!;
      results[i] = { outcome: 'created', version: link.version };
      return { action: `case.${part}.create`, entityType: `case_${part}`, entityId: link.id, details: { caseId: link.caseId, personId: link.personId, newPerson: true } };
    }));
    return results;
  }

  return { upsertCases, upsertParties };
}

export type CaseBulk = ReturnType<typeof createCaseBulk>;
