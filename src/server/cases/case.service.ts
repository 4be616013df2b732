import { and, asc, eq } from 'drizzle-orm';
import type { CaseCreate, CaseListQuery, CaseTransfer, CaseUpdate } from '../../contracts/cases';
import { partialRangeBounds } from '../../core/partial-date';
import { caseEvents, cases, institutions, units } from '../../db/schema';
import { writeAudit, writeAudits } from '../audit/audit.writer';
import { matchAfterCommit } from '../matching/match-queue';
import type { Tx } from '../../db/connect';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { conflict, invalid, ruleRefused } from '../errors/app-error';
import { isUniqueViolation } from '../db-errors';
import { idempotentCreate } from '../idempotency/idempotent-create';
import { syncColumns, type SyncStamp } from '../idempotency/upsert-by-external-id';
import { definedOnly, recordFieldConflict, updateVersioned } from '../versioned-update';
import { assignCaseCode, CASE_CODE_CONSTRAINT, provisionalCaseCode, withCaseCodeRetry } from './case.code';
import { attachPlaces, attachSuspects, attachVictims, inPlaceOrder, resolvePersons } from './case-parts.writer';
import { presentCaseListItem } from './case.presenter';
import { assertIdentityWrite, loadOwnedCase, presentCaseFor, presentCaseUnaudited } from './case.reader';
import { countSuspects, listVisibleCases, loadVictimSummaries } from './case.repository';
import { grantCaseAccess, loadCaseAccessMany, loadVisibleCase, visibleCasesCondition } from '../policy';
import { checkCaseCreate, checkCaseDates, FieldCheck, resolveRegisteringUnit, writesIdentity } from './case.validation';
import { caseRowValues, type RegisteringUnit } from './case.row';
import { renderCaseSummaryPdf } from '../printouts/case-summary.pdf';

/** The case registry: registration with its people and places, reading, listing, editing, transfer. */
/**
 * `now`: the clock that stamps a registration (the instant it happened). Production uses the real time;
 * test factories register records dated in the past through the same path (test/case-factory.ts).
 */
export function createCaseService(deps: Deps, options: { now?: () => Date } = {}) {
  const { db, cipher } = deps;
  const clock = options.now ?? (() => new Date());

  /** Keyed on the REGISTERING institution, which a transfer does not change (the owner does). */
  async function findByExternalId(q: Tx, ctx: Ctx, externalId: string) {
    const [row] = await q.select().from(cases).where(and(eq(cases.registeredByInstitutionId, ctx.actor.institutionId), eq(cases.externalId, externalId))).limit(1);
    return row;
  }

  async function findById(q: Tx, id: string) {
    const [row] = await q.select().from(cases).where(eq(cases.id, id)).limit(1);
    return row;
  }

  /**
   * Idempotent replay: the same sender's file number answers with the case it created (also after a
   * transfer, through the sender's transfer access). Out of its scope now: the number is taken (409).
   */
  async function replayExisting(q: Tx, ctx: Ctx, existing: typeof cases.$inferSelect) {
    const [visible] = await q.select().from(cases).where(and(eq(cases.id, existing.id), visibleCasesCondition(ctx.actor))).limit(1);
    if (!visible) throw conflict('case.external_id_taken');
    return presentCaseFor(q, deps, ctx, visible);
  }

  /** The case row itself, with a provisional code (the real one is assigned last), department from the registering unit. */
  async function insertCaseRow(tx: Tx, ctx: Ctx, unit: RegisteringUnit, input: CaseCreate, now: Date, requestHash: string | null) {
    const [row] = await tx.insert(cases).values(caseRowValues(cipher, ctx, unit, input, { now, requestHash, code: provisionalCaseCode() })).returning();
    return row!;
  }

  /**
   * Registration in one transaction: the case, its people and places (one insert per table), the first
   * event, the view, and last the two hot locks — the year's case-code row and the audit chain — which every
   * registration waits for and which are held until commit: so they cover only the final statements.
   * Duplicate matching of new persons is queued here and runs after commit (create).
   */
  async function register(tx: Tx, ctx: Ctx, input: CaseCreate, requestHash: string | null) {
    const unit = await resolveRegisteringUnit(tx, ctx, input.unitId);
    await checkCaseCreate(input).assert(tx, ctx);
    const now = clock();
    const caseRow = await insertCaseRow(tx, ctx, unit, input, now, requestHash);
    // Victims' and suspects' new persons in one insert, queued for matching in one more.
    const people = await resolvePersons(tx, deps, ctx, [...(input.victims ?? []), ...(input.suspects ?? [])]);
    const victimCount = input.victims?.length ?? 0;
    const victims = await attachVictims(tx, deps, ctx, caseRow.id, input.victims ?? [], people.slice(0, victimCount));
    const suspects = await attachSuspects(tx, deps, ctx, caseRow.id, input.suspects ?? [], people.slice(victimCount));
    const places = await attachPlaces(tx, caseRow.id, input.places ?? []);
    await tx.insert(caseEvents).values({ caseId: caseRow.id, type: 'registration', at: now, actorId: caseRow.registeredBy, unitId: unit.id, details: { source: input.source } });
    // The view from what was just written (not read back), before the code is assigned just below.
    const { view, audit: identityRead } = await presentCaseUnaudited(tx, deps, ctx, caseRow, { victims, suspects, places: inPlaceOrder(places) });
    const code = await assignCaseCode(tx, caseRow.id, now);
    const created = {
      action: 'case.create', entityType: 'case', entityId: caseRow.id,
      details: {
        code, externalId: input.externalId ?? null, unitId: unit.id,
        victimIds: victims.map((v) => v.id), suspectIds: suspects.map((s) => s.id),
        newPersonIds: [...victims, ...suspects].filter((p) => p.newPerson).map((p) => p.personId), places: input.places?.length ?? 0,
      },
    };
    await writeAudits(tx, ctx, identityRead ? [created, identityRead] : [created]);
    return { ...view, code };
  }

  async function create(ctx: Ctx, input: CaseCreate) {
    assertIdentityWrite(ctx, writesIdentity(input));
    try {
      // A taken code (a sequence behind the codes in use) is retried with the sequence brought forward.
      const view = await withCaseCodeRetry(db, () =>
        idempotentCreate(db, cipher, {
          kind: 'case',
          externalId: input.externalId,
          body: input,
          constraint: 'cases_external_idx',
          find: (q, externalId) => findByExternalId(q, ctx, externalId),
          replay: (q, row) => replayExisting(q, ctx, row),
          create: (tx, requestHash) => register(tx, ctx, input, requestHash),
          key: { ctx, recordId: (view) => view.id, findById: (q, id) => findById(q, id) },
        }),
        3,
        clock,
      );
      await matchAfterCommit(db);
      return view;
    } catch (error) {
      // The code still clashed after the sequence was brought forward: nothing was saved, say so (not a 500).
      if (isUniqueViolation(error, CASE_CODE_CONSTRAINT)) throw conflict('case.code_taken');
      throw error;
    }
  }

  const get = (ctx: Ctx, id: string) => db.transaction(async (tx) => presentCaseFor(tx, deps, ctx, await loadVisibleCase(tx, ctx, id)));

  async function list(ctx: Ctx, query: CaseListQuery) {
    const { rows, total, totalCapped, nextCursor } = await listVisibleCases(db, ctx.actor, query);
    const ids = rows.map((r) => r.id);
    const [access, victims, suspects] = [await loadCaseAccessMany(db, ctx.actor, rows), await loadVictimSummaries(db, ids), await countSuspects(db, ids)];
    const items = rows.map((row) => presentCaseListItem(row, access.get(row.id)!, victims.filter((v) => v.caseId === row.id), suspects.get(row.id) ?? 0));
    const keyset = query.limit !== undefined || query.cursor !== undefined;
    return keyset ? { items, total, totalCapped, nextCursor } : { items, total, totalCapped, page: query.page, pageSize: query.pageSize };
  }

  /** `stamp`: an upsert by external id (src/server/idempotency) records what it wrote, in this transaction. */
  async function update(ctx: Ctx, id: string, input: CaseUpdate, stamp?: SyncStamp) {
    const { version, narrative, base, ...changes } = input;
    assertIdentityWrite(ctx, narrative !== undefined);
    return db.transaction(async (tx) => {
      const current = await loadOwnedCase(tx, ctx, id);
      const from = changes.factsDateFrom === undefined ? current.factsDateFrom : changes.factsDateFrom;
      const to = changes.factsDateTo === undefined ? current.factsDateTo : changes.factsDateTo;
      const check = new FieldCheck();
      checkCaseDates(check, { reportedOn: changes.reportedOn, factsDateFrom: from, factsDateTo: to });
      check.countries((changes.countries ?? []).map((code, i) => ({ code, field: `countries.${i}` })));
      await check.assert(tx, ctx);
      const bounds = partialRangeBounds(from, to);
      const statusChange = changes.status !== undefined && changes.status !== current.status;
      const values = definedOnly({
        ...changes,
        factsStart: bounds?.start ?? null,
        factsEnd: bounds?.end ?? null,
        narrativeEnc: narrative === undefined ? undefined : narrative ? cipher.encrypt(narrative) : null,
        closedAt: statusChange ? (changes.status === 'closed' ? new Date() : null) : undefined,
        lastActivityAt: new Date(),
      });
      const mine: Record<string, unknown> = { ...definedOnly(changes), ...(narrative !== undefined ? { narrative } : {}) };
      const merge = base && current.version !== version
        ? { mine, base, currentVersion: current.version, columns: { narrative: 'narrativeEnc' }, current: { ...current, narrative: 'narrative' in mine ? (current.narrativeEnc ? cipher.decrypt(current.narrativeEnc) : null) : undefined } as Record<string, unknown> }
        : undefined;
      const row = await updateVersioned(tx, cases, 'case', id, version, { ...values, ...syncColumns(stamp, version) }, merge);
      if (statusChange) await tx.insert(caseEvents).values({ caseId: id, type: 'status_change', actorId: ctx.actor.userId, unitId: row.unitId, details: { from: current.status, to: row.status } });
      const fields = [...Object.keys(definedOnly(changes)), ...(narrative !== undefined ? ['narrative'] : [])];
      await writeAudit(tx, ctx, { action: 'case.update', entityType: 'case', entityId: id, details: { fields, version: row.version } });
      return presentCaseFor(tx, deps, ctx, row);
    }).catch(recordFieldConflict(db, ctx, 'case', id));
  }

  async function transfer(ctx: Ctx, id: string, input: CaseTransfer) {
    return db.transaction(async (tx) => {
      const current = await loadOwnedCase(tx, ctx, id);
      const [target] = await tx.select({ unit: units, kind: institutions.kind }).from(units).innerJoin(institutions, eq(institutions.id, units.institutionId)).where(eq(units.id, input.unitId)).limit(1);
      if (!target) throw invalid({ unitId: 'unit.not_found' });
      if (target.unit.id === current.unitId) throw ruleRefused('case.transfer_same_unit', undefined, { unitId: 'case.transfer_same_unit' });
      // Another institution only when it is police too: a case moves between police units; other bodies get access along the workflow.
      if (target.unit.institutionId !== current.institutionId && target.kind !== 'police') throw ruleRefused('case.transfer_not_allowed', undefined, { unitId: 'case.transfer_not_allowed' });
      // registered_by_institution_id stays: the external id remains the sender's, never the receiver's.
      const row = await updateVersioned(tx, cases, 'case', id, input.version, {
        unitId: target.unit.id, institutionId: target.unit.institutionId, departmentCode: target.unit.departmentCode, lastActivityAt: new Date(),
      }).catch((error: unknown) => {
        if (isUniqueViolation(error)) throw conflict('case.external_id_taken');
        throw error;
      });
      const details = { fromUnitId: current.unitId, toUnitId: target.unit.id, fromInstitutionId: current.institutionId, toInstitutionId: target.unit.institutionId };
      // The sending institution keeps read access to what it registered (basis `transfer`).
      if (target.unit.institutionId !== current.institutionId) {
        await grantCaseAccess(tx, { caseId: id, institutionId: current.institutionId, unitId: current.unitId, basis: 'transfer', grantedBy: ctx.actor.userId });
      }
      await tx.insert(caseEvents).values({ caseId: id, type: 'transfer', actorId: ctx.actor.userId, unitId: target.unit.id, details });
      await writeAudit(tx, ctx, { action: 'case.transfer', entityType: 'case', entityId: id, details });
      return presentCaseFor(tx, deps, ctx, row);
    });
  }

  async function history(ctx: Ctx, id: string) {
    await loadVisibleCase(db, ctx, id);
    const rows = await db.select().from(caseEvents).where(eq(caseEvents.caseId, id)).orderBy(asc(caseEvents.at), asc(caseEvents.id));
    return { items: rows.map((r) => ({ id: r.id, type: r.type, at: r.at.toISOString(), actorId: r.actorId, unitId: r.unitId, details: r.details as Record<string, unknown> })) };
  }

  /**
   * The case summary as a PDF for this reader: built from the same view `get` gives (identity only with a
   * reason, and that read audited by `get`), and the printing itself audited.
   */
  async function printSummary(ctx: Ctx, id: string) {
    const view = await get(ctx, id);
    const identityShown = [...view.victims, ...view.suspects].some((p) => p.person.identity) || Boolean(view.narrative);
    await db.transaction((tx) => writeAudit(tx, ctx, { action: 'case.print', entityType: 'case', entityId: id, reason: ctx.accessReason, details: { identityShown } }));
    const pdf = await renderCaseSummaryPdf(view, { locale: ctx.locale, printedBy: ctx.actor.displayName || ctx.actor.username, printedAt: new Date(), demoMode: deps.config.demoMode });
    return { pdf, code: view.code };
  }

  /** The case the actor's institution registered under its own file number (for upserts). */
  const findOwnByExternalId = (ctx: Ctx, externalId: string) => findByExternalId(db, ctx, externalId);

  return { create, get, list, update, transfer, history, printSummary, findOwnByExternalId };
}

export type CaseService = ReturnType<typeof createCaseService>;
