import { and, eq, type SQL } from 'drizzle-orm';
import type { ShelterCreate, ShelterUpdate, StayCreate, StayListQuery, StayUpdate } from '../../contracts/protection';
import { departmentOf } from '../../core/geo/departments';
import { exceedsCapacity, occupiedDays, type StayDates } from '../../core/protection/occupancy';
import type { Tx } from '../../db/connect';
import { referrals, shelters, shelterStays } from '../../db/schema';
import { writeAudit } from '../audit/audit.writer';
import { isSystemActor, type Ctx } from '../context';
import { isUniqueViolation } from '../db-errors';
import type { Deps } from '../deps';
import { AppError, invalid, ruleRefused, staleVersion } from '../errors/app-error';
import { assertUbigeosKnown } from '../reference/ubigeo.repository';
import { definedOnly, updateVersioned } from '../versioned-update';
import { presentShelter, presentStay } from './protection.presenter';
import { findShelter, listShelters, listStays, lockShelter, lockVictimForStays, occupiesDaySql, placementPerson, staysFrom, victimStaysFrom, type ShelterRow } from './shelter.repository';
import { victimPlacementWarnings } from '../../core/protection/shelter-population';
import { countryToday } from '../../core/country-date';
import { assertDates, assertUnitOf, today, touchCase } from './protection.rules';
import { loadWritableVictim } from '../policy';

const shelterNotFound = () => new AppError('shelter.not_found', 404);
const stayNotFound = () => new AppError('stay.not_found', 404);

/** Only the institution running a shelter manages it and sees who stays there. */
function assertRuns(ctx: Ctx, shelter: ShelterRow) {
  if (!isSystemActor(ctx.actor) && shelter.institutionId !== ctx.actor.institutionId) throw new AppError('shelter.not_operator', 403);
}

/** The victim already has a stay on some of those days: 422, on the victim field the form shows. */
const alreadySheltered = () => ruleRefused('stay.victim_already_sheltered', undefined, { victimId: 'stay.victim_already_sheltered' });

/** The database's last word on two open stays of one victim (a race the checks did not see): the same 422. */
async function oneOpenStayPerVictim<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, 'shelter_stays_victim_open_idx')) throw alreadySheltered();
    throw error;
  }
}

const overlaps = (a: StayDates, b: StayDates) => {
  const x = occupiedDays(a);
  const y = occupiedDays(b);
  return x.start < y.end && y.start < x.end;
};

/** Shelters, their capacity and occupancy, and stays — never more people than beds on any day. */
export function createShelterService(deps: Deps) {
  const { db } = deps;

  async function list(ctx: Ctx, query: { page: number; pageSize: number; sort?: string; on?: string; institutionId?: string; departmentCode?: string }) {
    const day = query.on ?? today();
    const filters: Array<SQL | undefined> = [
      query.institutionId ? eq(shelters.institutionId, query.institutionId) : undefined,
      query.departmentCode ? eq(shelters.departmentCode, query.departmentCode) : undefined,
    ];
    const { rows, total } = await listShelters(db, and(...filters), query, day);
    return { items: rows.map((r) => presentShelter(r.shelter, r.institutionName, { on: day, occupied: r.occupied })), total, page: query.page, pageSize: query.pageSize };
  }

  async function get(_ctx: Ctx, id: string, on?: string) {
    const day = on ?? today();
    const row = await findShelter(db, id, day);
    if (!row) throw shelterNotFound();
    return presentShelter(row.shelter, row.institutionName, { on: day, occupied: row.occupied });
  }

  async function create(ctx: Ctx, input: ShelterCreate) {
    const id = await db.transaction(async (tx) => {
      await assertUnitOf(tx, input.unitId, ctx.actor.institutionId, 'unitId');
      if (input.ubigeo) await assertUbigeosKnown(tx, [{ code: input.ubigeo, field: 'ubigeo' }]);
      const [row] = await tx
        .insert(shelters)
        .values({ ...input, unitId: input.unitId ?? null, ubigeo: input.ubigeo ?? null, departmentCode: input.ubigeo ? departmentOf(input.ubigeo) : null, institutionId: ctx.actor.institutionId })
        .returning();
      await writeAudit(tx, ctx, { action: 'shelter.create', entityType: 'shelter', entityId: row!.id, details: { capacityBeds: input.capacityBeds } });
      return row!.id;
    });
    return get(ctx, id);
  }

  /** Beds cannot drop below what is already promised from today on. */
  async function assertCapacityHolds(tx: Tx, shelterId: string, capacity: number) {
    const day = today();
    const check = exceedsCapacity(await staysFrom(tx, shelterId, day), { checkInOn: day, checkOutOn: null }, capacity + 1);
    if (check.exceeds) throw ruleRefused('shelter.capacity_below_occupancy', { day: check.day });
  }

  async function update(ctx: Ctx, id: string, input: ShelterUpdate) {
    await db.transaction(async (tx) => {
      const shelter = await lockShelter(tx, id);
      if (!shelter) throw shelterNotFound();
      assertRuns(ctx, shelter);
      if (input.ubigeo) await assertUbigeosKnown(tx, [{ code: input.ubigeo, field: 'ubigeo' }]);
      if (input.capacityBeds !== undefined && input.capacityBeds < shelter.capacityBeds) await assertCapacityHolds(tx, id, input.capacityBeds);
      const { version, ...changes } = input;
      const values = definedOnly({ ...changes, departmentCode: input.ubigeo === undefined ? undefined : input.ubigeo ? departmentOf(input.ubigeo) : null });
      await updateVersioned(tx, shelters, 'shelter', id, version, values);
      await writeAudit(tx, ctx, { action: 'shelter.update', entityType: 'shelter', entityId: id, details: { fields: Object.keys(values) } });
    });
    return get(ctx, id);
  }

  /** Refuses (422) a stay that would put more people than beds in the shelter on any of its days. */
  async function assertRoom(tx: Tx, shelter: ShelterRow, caseVictimId: string, stay: StayDates, exceptStayId?: string) {
    await lockVictimForStays(tx, caseVictimId);
    const sameVictim = await victimStaysFrom(tx, caseVictimId, stay.checkInOn, exceptStayId);
    if (sameVictim.some((other) => overlaps(other, stay))) throw alreadySheltered();
    const check = exceedsCapacity(await staysFrom(tx, shelter.id, stay.checkInOn, exceptStayId), stay, shelter.capacityBeds);
    if (check.exceeds) throw ruleRefused('shelter.capacity_exceeded', { day: check.day, capacity: shelter.capacityBeds });
  }

  /**
   * A placement that does not fit the shelter's population (a child in an adult shelter…) is refused with
   * 422 `stay.placement_warning` naming the warnings, until the request confirms them (`confirmWarnings`);
   * the confirmed warnings go to the audit log with the stay.
   */
  async function placementCheck(tx: Tx, shelter: ShelterRow, { victim, case: kase }: Awaited<ReturnType<typeof loadWritableVictim>>, input: StayCreate) {
    const person = await placementPerson(tx, victim.personId);
    const factsYear = Number((kase.factsStart ?? countryToday(kase.registeredAt)).slice(0, 4));
    const warnings = victimPlacementWarnings(shelter.targetPopulation, { ...victim, ...person, factsYear }, Number(input.checkInOn.slice(0, 4)));
    if (warnings.length && !input.confirmWarnings) {
      throw ruleRefused('stay.placement_warning', { warnings: warnings.join(','), population: shelter.targetPopulation }, { shelterId: `stay.placement.${warnings[0]}` });
    }
    return warnings;
  }

  async function addStay(ctx: Ctx, shelterId: string, input: StayCreate) {
    return db.transaction(async (tx) => {
      const shelter = await lockShelter(tx, shelterId);
      if (!shelter) throw shelterNotFound();
      assertRuns(ctx, shelter);
      if (shelter.status !== 'active') throw ruleRefused('shelter.closed');
      const victimOf = await loadWritableVictim(tx, ctx, input.victimId);
      const { victim } = victimOf;
      assertDates([{ field: 'checkInOn', value: input.checkInOn }, { field: 'checkOutOn', value: input.checkOutOn, notBefore: { field: 'checkInOn', value: input.checkInOn } }]);
      if (input.referralId) {
        const [referral] = await tx.select({ id: referrals.id }).from(referrals).where(and(eq(referrals.id, input.referralId), eq(referrals.caseVictimId, victim.id))).limit(1);
        if (!referral) throw invalid({ referralId: 'referral.not_found' });
      }
      const dates = { checkInOn: input.checkInOn, checkOutOn: input.checkOutOn ?? null };
      const warnings = await placementCheck(tx, shelter, victimOf, input);
      await assertRoom(tx, shelter, victim.id, dates);
      const [row] = await oneOpenStayPerVictim(() =>
        tx.insert(shelterStays).values({ shelterId, caseId: victim.caseId, caseVictimId: victim.id, referralId: input.referralId ?? null, ...dates, recordedBy: ctx.actor.userId }).returning(),
      );
      await writeAudit(tx, ctx, { action: 'shelter.stay', entityType: 'shelter_stay', entityId: row!.id, details: { shelterId, caseId: victim.caseId, victimId: victim.id, ...(warnings.length ? { confirmedWarnings: warnings } : {}) } });
      await touchCase(tx, victim.caseId);
      return presentStay(row!);
    });
  }

  /** Changes a stay's dates (most often: the check-out), checking capacity again under the shelter lock. */
  async function updateStay(ctx: Ctx, stayId: string, input: StayUpdate) {
    return db.transaction(async (tx) => {
      const [current] = await tx.select().from(shelterStays).where(eq(shelterStays.id, stayId)).limit(1);
      if (!current) throw stayNotFound();
      const shelter = (await lockShelter(tx, current.shelterId))!;
      if (!isSystemActor(ctx.actor) && shelter.institutionId !== ctx.actor.institutionId) throw stayNotFound();
      if (current.version !== input.version) throw staleVersion();
      const dates = { checkInOn: input.checkInOn ?? current.checkInOn, checkOutOn: input.checkOutOn === undefined ? current.checkOutOn : input.checkOutOn };
      assertDates([{ field: 'checkInOn', value: dates.checkInOn }, { field: 'checkOutOn', value: dates.checkOutOn, notBefore: { field: 'checkInOn', value: dates.checkInOn } }]);
      await assertRoom(tx, shelter, current.caseVictimId, dates, stayId);
      const row = await oneOpenStayPerVictim(() => updateVersioned(tx, shelterStays, 'stay', stayId, input.version, dates));
      await writeAudit(tx, ctx, { action: 'shelter.stay_update', entityType: 'shelter_stay', entityId: stayId, details: { shelterId: shelter.id, caseId: current.caseId, fields: Object.keys(definedOnly({ checkInOn: input.checkInOn, checkOutOn: input.checkOutOn })) } });
      await touchCase(tx, current.caseId);
      return presentStay(row);
    });
  }

  async function stays(ctx: Ctx, shelterId: string, query: StayListQuery) {
    const [shelter] = await db.select().from(shelters).where(eq(shelters.id, shelterId)).limit(1);
    if (!shelter) throw shelterNotFound();
    assertRuns(ctx, shelter);
    const { rows, total } = await listStays(db, shelterId, query.on ? occupiesDaySql(query.on) : undefined, query);
    return { items: rows.map(presentStay), total, page: query.page, pageSize: query.pageSize };
  }

  return { list, get, create, update, addStay, updateStay, stays };
}
