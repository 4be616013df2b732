import { inArray } from 'drizzle-orm';
import type { PreventionCreate, PreventionListQuery, PreventionUpdate } from '../../contracts/prevention';
import { participantProblems } from '../../core/prevention/participants';
import type { Tx } from '../../db/connect';
import { institutions, preventionActivities } from '../../db/schema';
import { writeAudit } from '../audit/audit.writer';
import type { Ctx } from '../context';
import { idempotentCreate } from '../idempotency/idempotent-create';
import type { Deps } from '../deps';
import { AppError, invalid } from '../errors/app-error';
import { resolveOwnerUnit } from '../operations/record-helpers';
import { assertUbigeosKnown } from '../reference/ubigeo.repository';
import { definedOnly, updateVersioned } from '../versioned-update';
import { presentActivity } from './prevention.presenter';
import { findActivity, findActivityByExternalId, listActivities, type PreventionRow } from './prevention.repository';

/**
 * Prevention activities are scoped like every institution's records (src/server/policy): the own
 * institution within the actor's geography, analysts every institution within theirs; only the organiser
 * institution changes one. The annual report counts them through the statistics, in the builder's scope.
 */
export function createPreventionService(deps: Deps) {
  const { db } = deps;

  async function assertInstitutionsKnown(tx: Tx, entries: ReadonlyArray<{ institutionId: string }>) {
    if (entries.length === 0) return;
    const ids = [...new Set(entries.map((e) => e.institutionId))];
    const known = new Set((await tx.select({ id: institutions.id }).from(institutions).where(inArray(institutions.id, ids))).map((r) => r.id));
    const fields: Record<string, string> = {};
    entries.forEach((e, i) => {
      if (!known.has(e.institutionId)) fields[`participantsByInstitution.${i}.institutionId`] = 'institution.not_found';
    });
    if (Object.keys(fields).length) throw invalid(fields);
  }

  function assertConsistent(row: Parameters<typeof participantProblems>[0]) {
    const problems = participantProblems(row);
    if (Object.keys(problems).length) throw invalid(problems);
  }

  async function create(ctx: Ctx, input: PreventionCreate) {
    assertConsistent(input);
    return idempotentCreate(db, deps.cipher, {
      kind: 'prevention_activity',
      externalId: input.externalId,
      body: input,
      find: (q, externalId) => findActivityByExternalId(q, ctx.actor.institutionId, externalId),
      replay: async (_q, existing) => presentActivity(existing),
      create: async (tx, requestHash) => {
        await assertUbigeosKnown(tx, [{ code: input.ubigeo, field: 'ubigeo' }]);
        await assertInstitutionsKnown(tx, input.participantsByInstitution);
        const owner = await resolveOwnerUnit(tx, ctx.actor, input.unitId);
        const { unitId: _unit, ...fields } = input;
        const [row] = await tx
          .insert(preventionActivities)
          .values({
            ...fields,
            externalId: input.externalId ?? null,
            requestHash,
            title: input.title ?? null,
            institutionId: ctx.actor.institutionId,
            ...owner,
            registeredBy: ctx.actor.userId,
            placeDepartment: input.ubigeo.slice(0, 2),
          })
          .returning();
        await writeAudit(tx, ctx, { action: 'prevention.create', entityType: 'prevention_activity', entityId: row!.id, details: summaryOf(row!) });
        return presentActivity(row!);
      },
    });
  }

  async function update(ctx: Ctx, id: string, input: PreventionUpdate) {
    const { version, ...changes } = input;
    return db.transaction(async (tx) => {
      const current = await findActivity(tx, ctx.actor, id);
      if (current.institutionId !== ctx.actor.institutionId) throw new AppError('prevention.not_organiser', 403);
      const values = definedOnly({ ...changes, placeDepartment: changes.ubigeo?.slice(0, 2) });
      assertConsistent({ ...current, ...values });
      if (changes.ubigeo) await assertUbigeosKnown(tx, [{ code: changes.ubigeo, field: 'ubigeo' }]);
      if (changes.participantsByInstitution) await assertInstitutionsKnown(tx, changes.participantsByInstitution);
      const row = await updateVersioned(tx, preventionActivities, 'prevention_activity', id, version, values);
      await writeAudit(tx, ctx, { action: 'prevention.update', entityType: 'prevention_activity', entityId: id, details: { fields: Object.keys(values), ...summaryOf(row) } });
      return presentActivity(row);
    });
  }

  const get = async (ctx: Ctx, id: string) => presentActivity(await findActivity(db, ctx.actor, id));

  async function list(ctx: Ctx, query: PreventionListQuery) {
    const { rows, total } = await listActivities(db, ctx.actor, query);
    return { items: rows.map(presentActivity), total, page: query.page, pageSize: query.pageSize };
  }

  return { create, update, get, list };
}

const summaryOf = (row: PreventionRow) => ({ type: row.type, audiences: row.audiences, participantsTotal: row.participantsTotal });

export type PreventionService = ReturnType<typeof createPreventionService>;
