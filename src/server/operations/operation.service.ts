import { eq, sql } from 'drizzle-orm';
import type { OperationCreate, OperationListQuery, OperationUpdate } from '../../contracts/operations';
import { operationCountProblems } from '../../core/operations/consistency';
import type { Tx } from '../../db/connect';
import { caseEvents, cases, operations } from '../../db/schema';
import { writeAudit } from '../audit/audit.writer';
import { loadParticipatingCase } from '../policy';
import type { Ctx } from '../context';
import { idempotentCreate } from '../idempotency/idempotent-create';
import { syncColumns, upsertByExternalId, type SyncStamp } from '../idempotency/upsert-by-external-id';
import type { OperationUpsert } from '../../contracts/upserts';
import type { Deps } from '../deps';
import { invalid, notFound } from '../errors/app-error';
import { assertUbigeosKnown } from '../reference/ubigeo.repository';
import { definedOnly, updateVersioned } from '../versioned-update';
import { presentOperation } from './operation.presenter';
import {
  deleteCaseLink, findOperationByExternalId, findVisibleOperation, insertCaseLink, linkedCasesOf, listOperations, type OperationRow,
} from './operation.repository';
import { resolveOwnerUnit } from './record-helpers';

/** Police operations and labour inspections: policy, transactions and audit. */
export function createOperationService(deps: Deps) {
  const { db } = deps;

  async function present(tx: Tx, ctx: Ctx, rows: OperationRow[]) {
    const { visible, totals } = await linkedCasesOf(tx, ctx.actor, rows.map((r) => r.id));
    return rows.map((row) => presentOperation(row, { visible: visible.get(row.id) ?? [], total: totals.get(row.id) ?? 0 }));
  }

  /** Writes are the owner institution's: others who can see an operation (analysts) cannot change it. */
  async function loadOwned(tx: Tx, ctx: Ctx, id: string) {
    const row = await findVisibleOperation(tx, ctx.actor, id);
    if (row.institutionId !== ctx.actor.institutionId) throw notFound('operation');
    return row;
  }

  async function create(ctx: Ctx, input: OperationCreate): Promise<{ view: ReturnType<typeof presentOperation>; created: boolean }> {
    const problems = operationCountProblems(input);
    if (Object.keys(problems).length) throw invalid(problems);
    return idempotentCreate(db, deps.cipher, {
      kind: 'operation',
      externalId: input.externalId,
      body: input,
      find: (q, externalId) => findOperationByExternalId(q, ctx.actor.institutionId, externalId),
      replay: async (q, existing) => (await present(q, ctx, [existing]))[0]!,
      key: { ctx, recordId: (view) => view.id, findById: (q, id) => findVisibleOperation(q, ctx.actor, id) },
      create: async (tx, requestHash) => {
        await assertUbigeosKnown(tx, [{ code: input.ubigeo, field: 'ubigeo' }]);
        const owner = await resolveOwnerUnit(tx, ctx.actor, input.unitId);
        const { unitId: _unit, ...fields } = input;
        const [row] = await tx
          .insert(operations)
          .values({ ...fields, externalId: input.externalId ?? null, requestHash, institutionId: ctx.actor.institutionId, ...owner, registeredBy: ctx.actor.userId, placeDepartment: input.ubigeo.slice(0, 2) })
          .returning();
        await writeAudit(tx, ctx, { action: 'operation.create', entityType: 'operation', entityId: row!.id, details: countsOf(row!) });
        return (await present(tx, ctx, [row!]))[0]!;
      },
    });
  }

  async function get(ctx: Ctx, id: string) {
    const row = await findVisibleOperation(db, ctx.actor, id);
    return (await present(db, ctx, [row]))[0]!;
  }

  async function list(ctx: Ctx, query: OperationListQuery) {
    const { rows, total } = await listOperations(db, ctx.actor, query);
    return { items: await present(db, ctx, rows), total, page: query.page, pageSize: query.pageSize };
  }

  /** `stamp`: an upsert by external id (src/server/idempotency) records what it wrote, in this transaction. */
  async function update(ctx: Ctx, id: string, input: OperationUpdate, stamp?: SyncStamp) {
    const { version, ...changes } = input;
    return db.transaction(async (tx) => {
      const current = await loadOwned(tx, ctx, id);
      const problems = operationCountProblems({ ...current, ...definedOnly(changes) });
      if (Object.keys(problems).length) throw invalid(problems);
      if (changes.ubigeo) await assertUbigeosKnown(tx, [{ code: changes.ubigeo, field: 'ubigeo' }]);
      const values = definedOnly({ ...changes, placeDepartment: changes.ubigeo?.slice(0, 2) });
      const row = await updateVersioned(tx, operations, 'operation', id, version, { ...values, ...syncColumns(stamp, version) });
      await writeAudit(tx, ctx, { action: 'operation.update', entityType: 'operation', entityId: id, details: { fields: Object.keys(values), ...countsOf(row) } });
      return (await present(tx, ctx, [row]))[0]!;
    });
  }

  /** Links a case the actor can see; the case's own history records it (`operation_link`). */
  async function linkCase(ctx: Ctx, id: string, caseId: string, version: number) {
    return db.transaction(async (tx) => {
      await loadOwned(tx, ctx, id);
      await loadParticipatingCase(tx, ctx, caseId);
      const row = await updateVersioned(tx, operations, 'operation', id, version, {});
      if (await insertCaseLink(tx, id, caseId, ctx.actor.userId)) await recordCaseEvent(tx, ctx, caseId, id, 'linked');
      await writeAudit(tx, ctx, { action: 'operation.case_link', entityType: 'operation', entityId: id, details: { caseId } });
      return (await present(tx, ctx, [row]))[0]!;
    });
  }

  async function unlinkCase(ctx: Ctx, id: string, caseId: string, version: number) {
    return db.transaction(async (tx) => {
      await loadOwned(tx, ctx, id);
      await loadParticipatingCase(tx, ctx, caseId);
      const row = await updateVersioned(tx, operations, 'operation', id, version, {});
      if (!(await deleteCaseLink(tx, id, caseId))) throw notFound('operation_case');
      await recordCaseEvent(tx, ctx, caseId, id, 'unlinked');
      await writeAudit(tx, ctx, { action: 'operation.case_unlink', entityType: 'operation', entityId: id, details: { caseId } });
      return (await present(tx, ctx, [row]))[0]!;
    });
  }

  async function recordCaseEvent(tx: Tx, ctx: Ctx, caseId: string, operationId: string, action: 'linked' | 'unlinked') {
    await tx.insert(caseEvents).values({ caseId, type: 'operation_link', actorId: ctx.actor.userId, unitId: ctx.actor.unitId, details: { operationId, action } });
    await tx.update(cases).set({ lastActivityAt: sql`now()` }).where(eq(cases.id, caseId));
  }

  /** The institution's operation under its own number: created, unchanged, updated or a conflict (one helper). */
  async function upsert(ctx: Ctx, externalId: string, body: OperationUpsert) {
    const createBody = { ...body, externalId };
    return upsertByExternalId(deps.cipher, {
      kind: 'operation',
      body: createBody,
      find: () => findOperationByExternalId(db, ctx.actor.institutionId, externalId),
      create: async () => (await create(ctx, createBody)).view,
      present: (row) => get(ctx, row.id),
      update: (row, stamp) => {
        const { unitId: _unit, ...fields } = body;
        return update(ctx, row.id, { ...fields, version: row.version }, stamp);
      },
    });
  }

  return { create, get, list, update, upsert, linkCase, unlinkCase };
}

const countsOf = (row: OperationRow) => ({
  type: row.type,
  personsFound: row.personsFound,
  minorsFound: row.minorsFound,
  victimsIdentified: row.victimsIdentified,
  arrests: row.arrests,
});

export type OperationService = ReturnType<typeof createOperationService>;
