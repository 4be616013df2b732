import { and, eq, or, type SQL } from 'drizzle-orm';
import { cases, hotlineCalls } from '../../db/schema';
import { participatingCaseCondition } from './cases';
import { isSystemActor, type Actor } from '../context';
import { inActorGeography, institutionRecordsCondition, ownInstitutionRecordsCondition } from './geography';

type CallParties = { institutionId: string; departmentCode: string | null; referredInstitutionId: string | null; referredUnitId: string | null };

/**
 * A call is referred to one police unit: that unit (or a user of the institution with no unit, who acts
 * for the whole institution) holds the call — other units of the same institution do not.
 */
export const isReferredUnit = (actor: Actor, call: CallParties): boolean =>
  call.referredInstitutionId === actor.institutionId && (actor.unitId === null || call.referredUnitId === actor.unitId);

const referredToActor = (actor: Actor): SQL =>
  actor.unitId === null
    ? eq(hotlineCalls.referredInstitutionId, actor.institutionId)
    : and(eq(hotlineCalls.referredInstitutionId, actor.institutionId), eq(hotlineCalls.referredUnitId, actor.unitId))!;

/** Calls the actor sees: the institution records rule (the hotline; analysts), plus the calls referred to the actor's unit. */
export const visibleCallsCondition = (actor: Actor): SQL => or(institutionRecordsCondition(actor, hotlineCalls), referredToActor(actor))!;

const ownsCall = (actor: Actor, call: CallParties) => call.institutionId === actor.institutionId && actor.permissions.has('hotline.write');
/** The call is the actor's own institution's (within geography) or referred to the actor's unit: never analyst-wide. */
const holdsCall = (actor: Actor, call: CallParties) =>
  (call.institutionId === actor.institutionId && inActorGeography(actor, call.departmentCode)) || isReferredUnit(actor, call);

/**
 * Who reads a call's restricted summary, always with a stated reason: the hotline's own operators
 * (`hotline.write` in the owning institution), or holders of `identity.read` in the hotline institution
 * or in the referred unit. Analyst-wide reading never does, whatever other role the analyst holds.
 */
export function callSummaryBasis(actor: Actor, call: CallParties, reason: string | undefined): 'owner' | 'reason' | null {
  if (!reason) return null;
  if (isSystemActor(actor) || ownsCall(actor, call)) return 'owner';
  if (holdsCall(actor, call) && actor.permissions.has('identity.read')) return 'reason';
  return null;
}

/** Who records a call's outcome (linked case, arrests, closure): the hotline that took it, or the referred unit. */
export const mayFollowUpCall = (actor: Actor, call: CallParties): boolean =>
  isSystemActor(actor) || ownsCall(actor, call) || (isReferredUnit(actor, call) && actor.permissions.has('case.update'));

/**
 * Calls awaiting an outcome from the actor: those referred to the actor's unit, and for the hotline's own
 * operators (`hotline.write`) the calls their institution referred, within geography (never analyst-wide).
 */
export const followUpCallsCondition = (actor: Actor): SQL => {
  const held = actor.permissions.has('hotline.write') ? or(referredToActor(actor), ownInstitutionRecordsCondition(actor, hotlineCalls))! : referredToActor(actor);
  return and(held, eq(hotlineCalls.status, 'referred'))!;
};

/**
 * On `cases`: the cases a call may be linked to by this actor — those its institution takes part in, and
 * for the hotline that took the call (`hotline.write` in its institution) the cases held by the unit the call
 * was referred to, so the operator can record what her referral led to without seeing those cases.
 */
export const callLinkableCaseCondition = (actor: Actor, call: { referredUnitId: string | null; institutionId: string }): SQL => {
  const participating = participatingCaseCondition(actor);
  if (!call.referredUnitId || call.institutionId !== actor.institutionId || !actor.permissions.has('hotline.write')) return participating;
  return or(participating, eq(cases.unitId, call.referredUnitId))!;
};
