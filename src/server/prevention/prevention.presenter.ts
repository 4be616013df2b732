import type { PreventionView } from '../../contracts/prevention';
import type { PreventionRow } from './prevention.repository';

export const presentActivity = (row: PreventionRow): PreventionView => ({
  id: row.id,
  externalId: row.externalId,
  institutionId: row.institutionId,
  unitId: row.unitId,
  activityDate: row.activityDate,
  type: row.type,
  title: row.title,
  audiences: row.audiences,
  ubigeo: row.ubigeo,
  placeDepartment: row.placeDepartment,
  participantsTotal: row.participantsTotal,
  participantsFemale: row.participantsFemale,
  participantsMale: row.participantsMale,
  participantsUnknown: row.participantsUnknown,
  participantsByInstitution: row.participantsByInstitution,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});
