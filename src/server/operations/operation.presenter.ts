import type { OperationView } from '../../contracts/operations';
import type { OperationRow } from './operation.repository';

export function presentOperation(row: OperationRow, links: { visible: Array<{ id: string; code: string; linkedAt: Date }>; total: number }): OperationView {
  return {
    id: row.id,
    externalId: row.externalId,
    institutionId: row.institutionId,
    unitId: row.unitId,
    operationDate: row.operationDate,
    type: row.type,
    ubigeo: row.ubigeo,
    placeDepartment: row.placeDepartment,
    personsFound: row.personsFound,
    minorsFound: row.minorsFound,
    victimsIdentified: row.victimsIdentified,
    arrests: row.arrests,
    cases: links.visible.map((c) => ({ id: c.id, code: c.code, linkedAt: c.linkedAt.toISOString() })),
    linkedCaseCount: links.total,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
