import type { CaseCreate } from '../../contracts/cases';
import { partialRangeBounds } from '../../core/partial-date';
import type { units } from '../../db/schema';
import { isSystemActor, type Ctx } from '../context';
import type { Cipher } from '../crypto/cipher';

export type RegisteringUnit = Pick<typeof units.$inferSelect, 'id' | 'institutionId' | 'departmentCode'>;

/**
 * The columns of a newly registered case: department from the registering unit, the narrative encrypted, the
 * facts' range as bounds. One definition for the registration of one case and the import's multi-row insert.
 */
export function caseRowValues(cipher: Cipher, ctx: Ctx, unit: RegisteringUnit, input: CaseCreate, at: { now: Date; requestHash: string | null; code: string }) {
  const bounds = partialRangeBounds(input.factsDateFrom, input.factsDateTo);
  return {
    code: at.code, externalId: input.externalId ?? null, requestHash: at.requestHash, registeredByInstitutionId: unit.institutionId,
    institutionId: unit.institutionId, unitId: unit.id,
    departmentCode: unit.departmentCode, registeredBy: isSystemActor(ctx.actor) ? null : ctx.actor.userId, registeredAt: at.now,
    source: input.source, reportedOn: input.reportedOn, factsDateFrom: input.factsDateFrom ?? null, factsDateTo: input.factsDateTo ?? null,
    factsStart: bounds?.start ?? null, factsEnd: bounds?.end ?? null, acts: input.acts ?? [], means: input.means ?? [],
    purposes: input.purposes ?? [], sexualExploitationSubtypes: input.sexualExploitationSubtypes ?? [], sectors: input.sectors ?? [],
    recruitmentMethods: input.recruitmentMethods ?? [], transportModes: input.transportModes ?? [],
    isInternational: input.isInternational ?? false, countries: input.countries ?? [], organisedCrime: input.organisedCrime ?? false,
    publicOfficialInvolved: input.publicOfficialInvolved ?? false, initialLegalQualification: input.initialLegalQualification ?? null,
    narrativeEnc: input.narrative ? cipher.encrypt(input.narrative) : null, lastActivityAt: at.now,
  };
}
