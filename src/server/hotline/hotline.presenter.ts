import type { CallView } from '../../contracts/hotline';
import { callArrests, outcomeOf, type CallStatus } from '../../core/hotline/call-status';
import type { CallWithRefs } from './hotline.repository';

const iso = (value: Date | null) => value?.toISOString() ?? null;

/** The only place a call leaves the server. `summary` is passed in only after the policy allowed it. */
export function presentCall(row: CallWithRefs, summary: string | null = null): CallView {
  return {
    id: row.id,
    externalId: row.externalId,
    institutionId: row.institutionId,
    unitId: row.unitId,
    receivedAt: row.receivedAt.toISOString(),
    channel: row.channel,
    callerType: row.callerType,
    classification: row.classification,
    ubigeo: row.ubigeo,
    country: row.country,
    status: row.status as CallStatus,
    outcome: outcomeOf({ ...row, arrests: callArrests(row.arrests, row.caseArrests) }),
    summary,
    hasSummary: row.summaryEnc !== null,
    referral: row.referredUnitId
      ? {
          unitId: row.referredUnitId,
          unitCode: row.unitCode,
          unitName: row.unitName,
          institutionId: row.referredInstitutionId!,
          at: iso(row.referredAt),
          mode: row.referralMode,
          level: row.referralLevel,
        }
      : null,
    linkedCase: row.linkedCaseId ? { id: row.linkedCaseId, code: row.caseCode, linkedAt: iso(row.linkedAt), arrests: row.caseArrests } : null,
    arrests: row.arrests,
    closedReason: row.closedReason,
    closedAt: iso(row.closedAt),
    outcomeAt: iso(row.outcomeAt),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
