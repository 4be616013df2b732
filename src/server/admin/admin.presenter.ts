import type { institutions, units, users } from '../../db/schema';

export const presentInstitution = (row: typeof institutions.$inferSelect) => ({
  id: row.id, code: row.code, name: row.name, kind: row.kind, parentId: row.parentId, ubigeo: row.ubigeo, version: row.version,
});

export const presentUnit = (row: typeof units.$inferSelect) => ({
  id: row.id, institutionId: row.institutionId, code: row.code, name: row.name, ubigeo: row.ubigeo,
  departmentCode: row.departmentCode, version: row.version,
});

export const presentUser = (row: typeof users.$inferSelect) => ({
  id: row.id, username: row.username, displayName: row.displayName, institutionId: row.institutionId, unitId: row.unitId,
  roles: row.roles, scope: { national: row.scopeNational, departments: row.scopeDepartments },
  isServiceAccount: row.isServiceAccount, disabled: row.disabledAt !== null,
  lockedUntil: row.lockedUntil && row.lockedUntil > new Date() ? row.lockedUntil.toISOString() : null, version: row.version,
});
