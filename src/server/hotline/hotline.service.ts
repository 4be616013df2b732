import type { CallCreate, CallListQuery, CallUpdate } from '../../contracts/hotline';
import { isActionable, statusAfterReferral, type CallStatus } from '../../core/hotline/call-status';
import type { Tx } from '../../db/connect';
import { hotlineCalls } from '../../db/schema';
import { writeAudit } from '../audit/audit.writer';
import type { Ctx } from '../context';
import { idempotentCreate } from '../idempotency/idempotent-create';
import { syncColumns, upsertByExternalId, type SyncStamp } from '../idempotency/upsert-by-external-id';
import type { HotlineCallRow } from '../../contracts/import-rows';
import type { Deps } from '../deps';
import { invalid, notFound, ruleRefused } from '../errors/app-error';
import { resolveOwnerUnit } from '../operations/record-helpers';
import { callSummaryBasis } from '../policy';
import { assertUbigeosKnown } from '../reference/ubigeo.repository';
import { definedOnly, updateVersioned } from '../versioned-update';
import { presentCall } from './hotline.presenter';
import { manualReferral, nearestReferral, type Referral } from './hotline.referral';
import { findCallByExternalId, findCallWithRefs, findVisibleCall, listCalls, type CallWithRefs } from './hotline.repository';

/** A few minutes of clock skew between the operator's device and the server are tolerated. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

function checkPlace(input: { ubigeo?: string | null; country?: string | null; receivedAt?: string }) {
  const fields: Record<string, string> = {};
  if (input.ubigeo && input.country && input.country !== 'PER') fields.country = 'hotline.place_conflict';
  if (input.receivedAt && Date.parse(input.receivedAt) > Date.now() + FUTURE_TOLERANCE_MS) fields.receivedAt = 'date_in_future';
  if (Object.keys(fields).length) throw invalid(fields);
}

export function createHotlineService(deps: Deps) {
  const { db, cipher } = deps;

  /** Hotline writes are the owning institution's; others who can see the call (the police) get 404. */
  async function loadOwned(tx: Tx, ctx: Ctx, id: string) {
    const row = await findVisibleCall(tx, ctx.actor, id);
    if (row.institutionId !== ctx.actor.institutionId) throw notFound('hotline_call');
    return row;
  }

  async function create(ctx: Ctx, input: CallCreate) {
    checkPlace(input);
    return idempotentCreate(db, cipher, {
      kind: 'hotline_call',
      externalId: input.externalId,
      body: input,
      find: (q, externalId) => findCallByExternalId(q, ctx.actor.institutionId, externalId),
      replay: async (q, existing) => presentCall(await findCallWithRefs(q, existing.id)),
      key: { ctx, recordId: (view) => view.id, findById: (q, id) => findVisibleCall(q, ctx.actor, id) },
      create: async (tx, requestHash) => {
        if (input.ubigeo) await assertUbigeosKnown(tx, [{ code: input.ubigeo, field: 'ubigeo' }]);
        const owner = await resolveOwnerUnit(tx, ctx.actor, undefined);
        let referral: Referral | null = null;
        if (input.referredUnitId) {
          if (!isActionable(input.classification)) throw ruleRefused('hotline.not_actionable', undefined, { referredUnitId: 'hotline.not_actionable' });
          referral = await manualReferral(tx, input.referredUnitId, 'referredUnitId');
        } else if (isActionable(input.classification)) {
          referral = await nearestReferral(tx, input.ubigeo ?? null);
        }
        const [row] = await tx
          .insert(hotlineCalls)
          .values({
            externalId: input.externalId ?? null,
            requestHash,
            institutionId: ctx.actor.institutionId,
            ...owner,
            registeredBy: ctx.actor.userId,
            receivedAt: new Date(input.receivedAt),
            channel: input.channel,
            callerType: input.callerType,
            classification: input.classification,
            ubigeo: input.ubigeo ?? null,
            placeDepartment: input.ubigeo ? input.ubigeo.slice(0, 2) : null,
            country: input.ubigeo ? 'PER' : (input.country ?? null),
            summaryEnc: input.summary ? cipher.encrypt(input.summary) : null,
            status: statusAfterReferral(input.classification, referral !== null),
            ...(referral ? { ...referral, referredAt: new Date() } : {}),
          })
          .returning();
        await writeAudit(tx, ctx, {
          action: 'hotline_call.create',
          entityType: 'hotline_call',
          entityId: row!.id,
          details: { classification: row!.classification, channel: row!.channel, callerType: row!.callerType, status: row!.status, referral: referralAudit(referral) },
        });
        return presentCall(await findCallWithRefs(tx, row!.id));
      },
    });
  }

  /** Corrections by the hotline. A call that becomes actionable is referred to the nearest unit then. */
  async function update(ctx: Ctx, id: string, input: CallUpdate, stamp?: SyncStamp) {
    const { version, summary, ...changes } = input;
    return db.transaction(async (tx) => {
      const current = await loadOwned(tx, ctx, id);
      const ubigeo = changes.ubigeo === undefined ? current.ubigeo : changes.ubigeo;
      checkPlace({ ubigeo, country: changes.country, receivedAt: changes.receivedAt });
      if (changes.ubigeo) await assertUbigeosKnown(tx, [{ code: changes.ubigeo, field: 'ubigeo' }]);
      const classification = changes.classification ?? current.classification;
      let referral: Referral | null = null;
      if (isActionable(classification) && !current.referredUnitId) referral = await nearestReferral(tx, ubigeo ?? null);
      const values = definedOnly({
        ...changes,
        receivedAt: changes.receivedAt ? new Date(changes.receivedAt) : undefined,
        placeDepartment: changes.ubigeo === undefined ? undefined : (changes.ubigeo?.slice(0, 2) ?? null),
        country: changes.ubigeo ? 'PER' : changes.country,
        summaryEnc: summary === undefined ? undefined : summary ? cipher.encrypt(summary) : null,
        status: nextStatus(current, classification, referral),
        ...(referral ? { ...referral, referredAt: new Date() } : {}),
      });
      await updateVersioned(tx, hotlineCalls, 'hotline_call', id, version, { ...values, ...syncColumns(stamp, version) });
      await writeAudit(tx, ctx, {
        action: 'hotline_call.update',
        entityType: 'hotline_call',
        entityId: id,
        details: { fields: Object.keys(values).map((k) => (k === 'summaryEnc' ? 'summary' : k)), classification, referral: referralAudit(referral) },
      });
      return presentCall(await findCallWithRefs(tx, id));
    });
  }

  /** Re-refers an actionable call: to the unit named (manual override) or to the nearest one again. */
  async function refer(ctx: Ctx, id: string, input: { unitId?: string | null; version: number }) {
    return db.transaction(async (tx) => {
      const current = await loadOwned(tx, ctx, id);
      if (!isActionable(current.classification)) throw ruleRefused('hotline.not_actionable');
      const referral = input.unitId ? await manualReferral(tx, input.unitId, 'unitId') : await nearestReferral(tx, current.ubigeo);
      const values = referral
        ? { ...referral, referredAt: new Date(), status: nextStatus(current, current.classification, referral) }
        : {};
      await updateVersioned(tx, hotlineCalls, 'hotline_call', id, input.version, values);
      await writeAudit(tx, ctx, { action: 'hotline_call.refer', entityType: 'hotline_call', entityId: id, details: { referral: referralAudit(referral), previousUnitId: current.referredUnitId } });
      return presentCall(await findCallWithRefs(tx, id));
    });
  }

  /** One call; the summary only when the policy allows, and the read is audited in the same transaction. */
  async function get(ctx: Ctx, id: string) {
    return db.transaction(async (tx) => {
      const row = await findVisibleCall(tx, ctx.actor, id);
      const basis = row.summaryEnc ? callSummaryBasis(ctx.actor, row, ctx.accessReason) : null;
      if (!basis) return presentCall(row);
      await writeAudit(tx, ctx, { action: 'hotline_call.summary_read', entityType: 'hotline_call', entityId: id, reason: ctx.accessReason, details: { basis } });
      return presentCall(row, cipher.decrypt(row.summaryEnc!));
    });
  }

  async function list(ctx: Ctx, query: CallListQuery) {
    const { rows, total } = await listCalls(db, ctx.actor, query);
    return { items: rows.map((r) => presentCall(r)), total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * The hotline's call under its own number (the bulk import): created, unchanged, updated or a conflict, by the
   * one helper. The sender's record is the whole record: place and summary it leaves out are cleared.
   */
  async function upsert(ctx: Ctx, externalId: string, body: HotlineCallRow) {
    const createBody = { ...body, externalId };
    return upsertByExternalId(cipher, {
      kind: 'hotline_call',
      body: createBody,
      find: () => findCallByExternalId(db, ctx.actor.institutionId, externalId),
      create: async () => (await create(ctx, createBody)).view,
      present: async (row) => presentCall(await findCallWithRefs(db, row.id)),
      update: (row, stamp) => update(ctx, row.id, { ...body, ubigeo: body.ubigeo ?? null, country: body.country ?? null, summary: body.summary ?? null, version: row.version }, stamp),
    });
  }

  return { upsert, create, update, refer, get, list };
}

/** Status after an edit or re-referral; an outcome already recorded is never undone by them. */
function nextStatus(current: CallWithRefs, classification: string, referral: Referral | null): CallStatus {
  if (current.status === 'followed_up' || current.status === 'closed') return current.status;
  return statusAfterReferral(classification, referral !== null || current.referredUnitId !== null);
}

const referralAudit = (r: Referral | null) => (r ? { unitId: r.referredUnitId, institutionId: r.referredInstitutionId, mode: r.referralMode, level: r.referralLevel } : null);

export type HotlineService = ReturnType<typeof createHotlineService>;
