import type { ReferralView, ShelterView, StayView } from '../../contracts/protection';
import { checkReferralTransition, nextStatuses, type ReferralParty, type ReferralStatus } from '../../core/protection/referral-status';
import type { referrals, shelters, shelterStays, victimRepatriations, victimReparations, victimResidencyPermits } from '../../db/schema';
import type { Actor } from '../context';
import type { AdmissionRow, Names, ReferralRow, ServiceRow } from './protection.repository';

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** Which sides of a referral the actor's institution stands on. */
export function partiesOf(actor: Actor, row: Pick<typeof referrals.$inferSelect, 'fromInstitutionId' | 'toInstitutionId'>): ReferralParty[] {
  const parties: ReferralParty[] = [];
  if (row.fromInstitutionId === actor.institutionId) parties.push('sender');
  if (row.toInstitutionId === actor.institutionId) parties.push('receiver');
  return parties;
}

export function presentService(row: ServiceRow) {
  return {
    id: row.id,
    referralId: row.referralId,
    victimId: row.caseVictimId,
    serviceType: row.serviceType,
    startedOn: row.startedOn,
    endedOn: row.endedOn,
    providedByInstitutionId: row.providedByInstitutionId,
    providedByUnitId: row.providedByUnitId,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * An admission under a referral, as its card confirms it: the dates for everyone who sees the referral, the
 * shelter's name only for the institution that runs it (where a victim sleeps is not shared further).
 */
const presentAdmission = (actor: Actor, row: AdmissionRow) => ({
  checkInOn: row.checkInOn,
  checkOutOn: row.checkOutOn,
  shelterName: row.shelterInstitutionId === actor.institutionId ? row.shelterName : null,
});

export function presentReferral(actor: Actor, row: ReferralRow, services: ServiceRow[], names: Names, admissions: AdmissionRow[] = []): ReferralView {
  const party = (id: string) => ({ id, name: names.institutions.get(id) ?? '' });
  const unit = (id: string | null) => (id ? { id, name: names.units.get(id) ?? '' } : null);
  const status = row.status as ReferralStatus;
  const mySides = partiesOf(actor, row);
  return {
    id: row.id,
    version: row.version,
    externalId: row.externalId,
    caseId: row.caseId,
    victimId: row.caseVictimId,
    fromInstitution: party(row.fromInstitutionId),
    fromUnit: unit(row.fromUnitId),
    toInstitution: party(row.toInstitutionId),
    toUnit: unit(row.toUnitId),
    serviceType: row.serviceType,
    status,
    consentSource: row.consentSource as ReferralView['consentSource'],
    requestedOn: row.requestedOn,
    acceptedAt: iso(row.acceptedAt),
    providedAt: iso(row.providedAt),
    declinedAt: iso(row.declinedAt),
    closedAt: iso(row.closedAt),
    declineReason: row.declineReason,
    outcome: row.outcome,
    nextStatuses: nextStatuses(status).filter((to) => checkReferralTransition(status, to, mySides).ok),
    services: services.filter((s) => s.referralId === row.id).map(presentService),
    admissions: admissions.filter((a) => a.referralId === row.id).map((a) => presentAdmission(actor, a)),
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentShelter(row: typeof shelters.$inferSelect, institutionName: string, occupancy: { on: string; occupied: number }): ShelterView {
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    institution: { id: row.institutionId, name: institutionName },
    unitId: row.unitId,
    ubigeo: row.ubigeo,
    departmentCode: row.departmentCode,
    capacityBeds: row.capacityBeds,
    targetPopulation: row.targetPopulation,
    status: row.status,
    occupancyOn: occupancy.on,
    occupiedBeds: occupancy.occupied,
    freeBeds: Math.max(0, row.capacityBeds - occupancy.occupied),
  };
}

export function presentStay(row: typeof shelterStays.$inferSelect): StayView {
  return {
    id: row.id,
    version: row.version,
    shelterId: row.shelterId,
    caseId: row.caseId,
    victimId: row.caseVictimId,
    referralId: row.referralId,
    checkInOn: row.checkInOn,
    checkOutOn: row.checkOutOn,
  };
}

export function presentReparation(row: typeof victimReparations.$inferSelect) {
  return {
    id: row.id,
    victimId: row.caseVictimId,
    kind: row.kind,
    orderedAmount: Number(row.orderedAmount),
    paidAmount: Number(row.paidAmount),
    currency: row.currency,
    orderedOn: row.orderedOn,
    paidOn: row.paidOn,
    institutionId: row.institutionId,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentRepatriation(row: typeof victimRepatriations.$inferSelect) {
  return {
    id: row.id,
    victimId: row.caseVictimId,
    fromCountry: row.fromCountry,
    toCountry: row.toCountry,
    repatriatedOn: row.repatriatedOn,
    institutionId: row.institutionId,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentResidencyPermit(row: typeof victimResidencyPermits.$inferSelect) {
  return {
    id: row.id,
    victimId: row.caseVictimId,
    permitType: row.permitType,
    grantedOn: row.grantedOn,
    expiresOn: row.expiresOn,
    institutionId: row.institutionId,
    createdAt: row.createdAt.toISOString(),
  };
}
