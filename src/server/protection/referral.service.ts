import { and, eq, gt, inArray, isNull, ne, or, type SQL } from 'drizzle-orm';
import type { InboxQuery, ReferralCreate, ReferralListQuery, ReferralTransition, ServiceCreate } from '../../contracts/protection';
import { decideReferralConsent, type ConsentSource } from '../../core/protection/consent';
import { canRecordService, checkReferralTransition, openReferralStatuses, type ReferralStatus } from '../../core/protection/referral-status';
import type { Tx } from '../../db/connect';
import { caseEvents, referrals, referralServices } from '../../db/schema';
import { writeAudit } from '../audit/audit.writer';
import { grantCaseAccess, loadCaseAccess, loadWritableVictim } from '../policy';
import type { Ctx } from '../context';
import { idempotentCreate } from '../idempotency/idempotent-create';
import type { Deps } from '../deps';
import { AppError, invalid, ruleRefused, staleVersion } from '../errors/app-error';
import { partiesOf, presentReferral } from './protection.presenter';
import { withdrawReferralAccess } from './referral-access';
import { admissionsOf, countReferrals, findReferral, listReferrals, namesOf, servicesOf, type ReferralRow } from './protection.repository';
import { isNewSince, seenAtOf } from '../inbox/inbox.repository';
import { caseCodeContains } from '../search/search.repository';
import { assertDates, assertUnitOf, loadInstitution, today, touchCase } from './protection.rules';

const sqlUnitFilter = (unitId: string) => or(isNull(referrals.toUnitId), eq(referrals.toUnitId, unitId));
const referralNotFound = () => new AppError('referral.not_found', 404);
const statusStamp: Partial<Record<ReferralStatus, 'acceptedAt' | 'providedAt' | 'declinedAt' | 'closedAt'>> = {
  accepted: 'acceptedAt',
  provided: 'providedAt',
  declined: 'declinedAt',
  closed: 'closedAt',
};

/** Referrals between institutions, their status machine, the services given under them, and the inbox. */
export function createReferralService(deps: Deps) {
  const { db } = deps;

  async function view(tx: Tx, ctx: Ctx, rows: ReferralRow[]) {
    const services = await servicesOf(tx, rows.map((r) => r.id));
    const admissions = await admissionsOf(tx, rows.map((r) => r.id));
    const names = await namesOf(
      tx,
      rows.flatMap((r) => [r.fromInstitutionId, r.toInstitutionId]),
      rows.flatMap((r) => [r.fromUnitId, r.toUnitId]).filter((u): u is string => Boolean(u)),
    );
    return rows.map((row) => presentReferral(ctx.actor, row, services, names, admissions));
  }

  async function findByExternalId(tx: Tx, ctx: Ctx, externalId: string) {
    const [row] = await tx.select().from(referrals).where(and(eq(referrals.fromInstitutionId, ctx.actor.institutionId), eq(referrals.externalId, externalId))).limit(1);
    return row;
  }

  /** Where the referral goes must exist, and differ from where it comes from. */
  async function checkParties(tx: Tx, ctx: Ctx, input: ReferralCreate) {
    const { actor } = ctx;
    await loadInstitution(tx, input.toInstitutionId, 'toInstitutionId');
    await assertUnitOf(tx, input.toUnitId, input.toInstitutionId, 'toUnitId');
    await assertUnitOf(tx, input.fromUnitId, actor.institutionId, 'fromUnitId');
    const fromUnitId = input.fromUnitId ?? actor.unitId;
    if (input.toInstitutionId === actor.institutionId && (input.toUnitId ?? null) === fromUnitId) throw ruleRefused('referral.same_sender_receiver');
    assertDates([{ field: 'requestedOn', value: input.requestedOn }]);
    return fromUnitId;
  }

  function consentFor(ctx: Ctx, input: ReferralCreate, consentOnRecord: boolean | null) {
    const consent = decideReferralConsent({
      consentOnReferral: input.consentGiven,
      consentOnRecord,
      mayOverride: ctx.actor.permissions.has('protection.consent_override'),
      overrideReason: input.consentOverrideReason,
    });
    if (!consent.ok && consent.problem === 'consent_required') throw ruleRefused('referral.consent_required');
    if (!consent.ok) throw invalid({ consentOverrideReason: 'referral.override_reason_required' });
    return consent.source;
  }

  /**
   * An institution that holds the victim only through a referral (a shelter, a provider) refers onward
   * only within the consent recorded on the referral it received: a live referral of this victim to it
   * whose consent came from the victim (never an override). It cannot state consent itself nor override.
   */
  async function onwardConsent(tx: Tx, ctx: Ctx, input: ReferralCreate, victimId: string): Promise<{ source: ConsentSource; basedOn: string[] }> {
    if (input.consentGiven === false) throw ruleRefused('referral.consent_required');
    const received = await tx
      .select({ id: referrals.id })
      .from(referrals)
      .where(
        and(
          eq(referrals.caseVictimId, victimId),
          eq(referrals.toInstitutionId, ctx.actor.institutionId),
          inArray(referrals.status, ['requested', 'accepted', 'provided']),
          ne(referrals.consentSource, 'override'),
        ),
      );
    if (!received.length) throw ruleRefused('referral.onward_outside_consent');
    return { source: 'referral', basedOn: received.map((r) => r.id) };
  }

  async function insertReferral(tx: Tx, ctx: Ctx, input: ReferralCreate, requestHash: string | null) {
    const { victim, case: caseRow } = await loadWritableVictim(tx, ctx, input.victimId);
    const fromUnitId = await checkParties(tx, ctx, input);
    const onward = (await loadCaseAccess(tx, ctx.actor, caseRow)).level === 'referral' ? await onwardConsent(tx, ctx, input, victim.id) : null;
    const consentSource = onward ? onward.source : consentFor(ctx, input, victim.consentToServices);
    const [row] = await tx
      .insert(referrals)
      .values({
        externalId: input.externalId ?? null,
        requestHash,
        caseId: caseRow.id,
        caseVictimId: victim.id,
        fromInstitutionId: ctx.actor.institutionId,
        fromUnitId,
        toInstitutionId: input.toInstitutionId,
        toUnitId: input.toUnitId ?? null,
        serviceType: input.serviceType,
        consentSource,
        requestedOn: input.requestedOn ?? today(),
        createdBy: ctx.actor.userId,
      })
      .returning();
    await recordCreation(tx, ctx, row!, caseRow.institutionId, input.consentOverrideReason);
    if (onward) {
      // The owner of the case sees in its history that a provider passed the victim on, and to whom.
      const details = { referralId: row!.id, victimId: victim.id, fromInstitutionId: row!.fromInstitutionId, toInstitutionId: row!.toInstitutionId, serviceType: row!.serviceType, basedOnReferralIds: onward.basedOn };
      await tx.insert(caseEvents).values({ caseId: caseRow.id, type: 'referral_onward', actorId: ctx.actor.userId, unitId: ctx.actor.unitId, details });
    }
    return row!;
  }

  /** Audit of the referral (and of an override, with its reason); the receiver's access to the victim. */
  async function recordCreation(tx: Tx, ctx: Ctx, row: ReferralRow, caseOwnerId: string, overrideReason: string | undefined) {
    const ids = { caseId: row.caseId, victimId: row.caseVictimId };
    const details = { ...ids, toInstitutionId: row.toInstitutionId, serviceType: row.serviceType, consentSource: row.consentSource };
    await writeAudit(tx, ctx, { action: 'referral.create', entityType: 'referral', entityId: row.id, details });
    if (row.consentSource === 'override') {
      await writeAudit(tx, ctx, { action: 'referral.consent_override', entityType: 'referral', entityId: row.id, reason: overrideReason, details: ids });
    }
    if (row.toInstitutionId !== caseOwnerId) {
      const grant = { caseId: row.caseId, institutionId: row.toInstitutionId, basis: 'referral', victimIds: [row.caseVictimId] };
      await grantCaseAccess(tx, { ...grant, unitId: row.toUnitId, grantedBy: ctx.actor.userId });
      await writeAudit(tx, ctx, { action: 'case.access_grant', entityType: 'case', entityId: row.caseId, details: { ...grant, referralId: row.id } });
    }
    await touchCase(tx, row.caseId);
  }

  /** Creates a referral (201), or returns the one already sent with the same externalId and data (200). */
  async function create(ctx: Ctx, input: ReferralCreate) {
    const { view: referral, created } = await idempotentCreate(db, deps.cipher, {
      kind: 'referral',
      externalId: input.externalId,
      body: input,
      find: (q, externalId) => findByExternalId(q, ctx, externalId),
      replay: async (q, row) => (await view(q, ctx, [row]))[0]!,
      key: { ctx, recordId: (made) => made.id, findById: (q, id) => findReferral(q, ctx.actor, id) },
      create: async (tx, requestHash) => (await view(tx, ctx, [await insertReferral(tx, ctx, input, requestHash)]))[0]!,
    });
    return { created, referral };
  }

  async function get(ctx: Ctx, id: string) {
    const row = await findReferral(db, ctx.actor, id);
    if (!row) throw referralNotFound();
    return (await view(db, ctx, [row]))[0]!;
  }

  async function transition(ctx: Ctx, id: string, input: ReferralTransition) {
    return db.transaction(async (tx) => {
      const row = await findReferral(tx, ctx.actor, id, { forUpdate: true });
      if (!row) throw referralNotFound();
      if (row.version !== input.version) throw staleVersion();
      const from = row.status as ReferralStatus;
      const check = checkReferralTransition(from, input.status, partiesOf(ctx.actor, row));
      if (!check.ok && check.problem === 'invalid_transition') throw ruleRefused('referral.invalid_transition', { from, to: input.status });
      if (!check.ok) throw new AppError('referral.not_party', 403);
      const stamp = statusStamp[input.status];
      const values: Record<string, unknown> = { status: input.status, version: row.version + 1, updatedAt: new Date() };
      if (stamp) values[stamp] = new Date();
      if (input.status === 'declined') values.declineReason = input.declineReason ?? 'other';
      if (input.status === 'closed' && input.outcome) values.outcome = input.outcome;
      const [updated] = await tx.update(referrals).set(values).where(eq(referrals.id, id)).returning();
      if (input.status === 'declined') await withdrawReferralAccess(tx, ctx, updated!);
      await writeAudit(tx, ctx, { action: 'referral.status', entityType: 'referral', entityId: id, details: { caseId: row.caseId, victimId: row.caseVictimId, from, to: input.status } });
      await touchCase(tx, row.caseId);
      return (await view(tx, ctx, [updated!]))[0]!;
    });
  }

  /** Records a service given under an accepted referral; only the receiving institution does. */
  async function addService(ctx: Ctx, id: string, input: ServiceCreate) {
    return db.transaction(async (tx) => {
      const row = await findReferral(tx, ctx.actor, id, { forUpdate: true });
      if (!row) throw referralNotFound();
      if (!partiesOf(ctx.actor, row).includes('receiver')) throw new AppError('referral.not_party', 403);
      if (!canRecordService(row.status as ReferralStatus)) throw ruleRefused('referral.service_not_open', { status: row.status });
      assertDates([{ field: 'startedOn', value: input.startedOn }, { field: 'endedOn', value: input.endedOn, notBefore: { field: 'startedOn', value: input.startedOn } }]);
      const [service] = await tx
        .insert(referralServices)
        .values({
          referralId: row.id,
          caseVictimId: row.caseVictimId,
          serviceType: input.serviceType ?? row.serviceType,
          startedOn: input.startedOn,
          endedOn: input.endedOn ?? null,
          providedByInstitutionId: ctx.actor.institutionId,
          providedByUnitId: ctx.actor.unitId,
          recordedBy: ctx.actor.userId,
        })
        .returning();
      await writeAudit(tx, ctx, { action: 'referral.service', entityType: 'referral', entityId: row.id, details: { caseId: row.caseId, victimId: row.caseVictimId, serviceId: service!.id, serviceType: service!.serviceType } });
      await touchCase(tx, row.caseId);
      return (await view(tx, ctx, [row]))[0]!;
    });
  }

  async function list(ctx: Ctx, query: ReferralListQuery) {
    const filters: Array<SQL | undefined> = [
      query.caseId ? eq(referrals.caseId, query.caseId) : undefined,
      query.victimId ? eq(referrals.caseVictimId, query.victimId) : undefined,
      query.status?.length ? inArray(referrals.status, query.status) : undefined,
      query.direction === 'sent' ? eq(referrals.fromInstitutionId, ctx.actor.institutionId) : undefined,
      query.direction === 'received' ? eq(referrals.toInstitutionId, ctx.actor.institutionId) : undefined,
    ];
    const { rows, total } = await listReferrals(db, ctx.actor, and(...filters), query);
    return { items: await view(db, ctx, rows), total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * Referrals waiting at the actor's institution, newest first: for a user of a unit, those to the unit or
   * to no unit (with `mine`, only those to the unit). New ones (arrived since the user last looked) marked.
   */
  async function inbox(ctx: Ctx, query: InboxQuery) {
    const { actor } = ctx;
    const statuses = query.status?.length ? query.status : [...openReferralStatuses];
    const unitFilter = actor.unitId ? (query.mine ? eq(referrals.toUnitId, actor.unitId) : sqlUnitFilter(actor.unitId)) : undefined;
    const filter = and(
      eq(referrals.toInstitutionId, actor.institutionId),
      inArray(referrals.status, statuses),
      unitFilter,
      query.serviceType ? eq(referrals.serviceType, query.serviceType) : undefined,
      query.q ? caseCodeContains(query.q) : undefined,
    );
    const seenAt = await seenAtOf(db, actor, 'referrals');
    const { rows, total, caseCodes } = await listReferrals(db, actor, filter, { ...query, sort: query.sort ?? '-createdAt' });
    const unseen = seenAt ? await countReferrals(db, actor, and(filter, gt(referrals.createdAt, seenAt))) : total;
    const items = (await view(db, ctx, rows)).map((item, i) => ({ ...item, caseCode: caseCodes.get(rows[i]!.id) ?? null, isNew: isNewSince(seenAt, rows[i]!.createdAt) }));
    return { items, total, unseen, seenAt: seenAt?.toISOString() ?? null, page: query.page, pageSize: query.pageSize };
  }

  /** The institution's referral under its own number (the bulk import's upsert reads it). */
  const findOwnByExternalId = (ctx: Ctx, externalId: string) => findByExternalId(db, ctx, externalId);

  return { create, get, transition, addService, list, inbox, findOwnByExternalId };
}
