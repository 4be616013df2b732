import { nearestUnit, type ReferralLevel } from '../../core/hotline/nearest-unit';
import type { Tx } from '../../db/connect';
import { AppError } from '../errors/app-error';
import { findPoliceUnit, policeUnits } from './hotline.repository';

export interface Referral {
  referredUnitId: string;
  referredInstitutionId: string;
  referralMode: 'nearest' | 'manual';
  referralLevel: ReferralLevel | null;
}

/** A police unit named by the operator (manual override), or 400 on the given field. */
export async function manualReferral(tx: Tx, unitId: string, field: string): Promise<Referral> {
  const unit = await findPoliceUnit(tx, unitId);
  if (!unit) throw new AppError('validation.failed', 400, undefined, { [field]: 'unit.not_found' });
  if (unit.kind !== 'police') throw new AppError('validation.failed', 400, undefined, { [field]: 'hotline.unit_not_police' });
  return { referredUnitId: unit.id, referredInstitutionId: unit.institutionId, referralMode: 'manual', referralLevel: null };
}

/** The nearest police unit to the call's place (src/core/hotline/nearest-unit.ts), or null if there is none. */
export async function nearestReferral(tx: Tx, ubigeo: string | null): Promise<Referral | null> {
  const found = nearestUnit(ubigeo, await policeUnits(tx));
  if (!found) return null;
  return { referredUnitId: found.unit.id, referredInstitutionId: found.unit.institutionId, referralMode: 'nearest', referralLevel: found.level };
}
