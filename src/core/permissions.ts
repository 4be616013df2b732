/**
 * Roles and what they may do: the one table of authorisation. Anything not listed is denied.
 * Row scope (institution, region, workflow grants) is applied on top of this by the repositories.
 */
export const roles = [
  'administrator',
  'registrar',
  'investigator',
  'prosecutor',
  'court_clerk',
  'social_worker',
  'hotline_operator',
  'labour_inspector',
  'analyst',
  'supervisor',
] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  // administration
  'admin.institutions.manage',
  'admin.units.manage',
  'admin.users.manage',
  'admin.tokens.manage',
  'admin.reference.manage',
  'admin.legal.manage',
  'admin.backups.manage',
  'audit.read',
  /** Read the audit entries of every institution (without it: the actor's own institution's entries). */
  'audit.read.all_institutions',
  // cases and people
  'case.create',
  'case.read',
  'case.update',
  'case.transfer',
  /** Read cases of every institution (within geographic scope), without identity. */
  'case.read.all_institutions',
  'person.read',
  'person.write',
  'identity.read',
  'identity.write',
  'duplicates.review',
  /**
   * Review possible duplicates whose two records are held by different institutions (only the
   * supervisors of each involved institution; both must confirm a merge).
   */
  'duplicates.review.cross_institution',
  // justice chain, by stage
  'justice.read',
  'justice.police.write',
  'justice.prosecution.write',
  'justice.court.write',
  'justice.execution.write',
  'justice.international.write',
  // protection
  'protection.read',
  'protection.write',
  'protection.consent_override',
  'shelter.manage',
  // hotline, operations, prevention
  'hotline.read',
  'hotline.write',
  'operation.read',
  'operation.write',
  'prevention.read',
  'prevention.write',
  // statistics and reports
  'stats.read',
  'stats.exact',
  'export.create',
  'report.manage',
  'quality.read',
] as const;
export type Permission = (typeof permissions)[number];

const caseWork: Permission[] = ['case.read', 'person.read', 'identity.read', 'justice.read', 'protection.read'];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  administrator: [
    'admin.institutions.manage',
    'admin.units.manage',
    'admin.users.manage',
    'admin.tokens.manage',
    'admin.reference.manage',
    'admin.legal.manage',
    'admin.backups.manage',
    'audit.read',
    'audit.read.all_institutions',
  ],
  registrar: [
    ...caseWork,
    'case.create',
    'case.update',
    'case.transfer',
    'person.write',
    'identity.write',
    'duplicates.review',
    'justice.police.write',
    'protection.write',
    'operation.read',
    'hotline.read',
  ],
  investigator: [
    ...caseWork,
    'case.create',
    'case.update',
    'case.transfer',
    'person.write',
    'identity.write',
    'duplicates.review',
    'justice.police.write',
    'justice.international.write',
    'protection.write',
    'operation.read',
    'operation.write',
    'hotline.read',
    'prevention.read',
    'prevention.write',
  ],
  prosecutor: [...caseWork, 'case.create', 'case.update', 'person.write', 'identity.write', 'justice.prosecution.write', 'justice.international.write', 'protection.write'],
  court_clerk: [...caseWork, 'justice.court.write', 'justice.execution.write'],
  social_worker: [...caseWork, 'protection.write', 'shelter.manage', 'prevention.read', 'prevention.write'],
  hotline_operator: ['hotline.read', 'hotline.write'],
  labour_inspector: [
    ...caseWork,
    'case.create',
    'case.update',
    'person.write',
    'identity.write',
    'operation.read',
    'operation.write',
    'prevention.read',
    'prevention.write',
  ],
  analyst: [
    'case.read',
    'case.read.all_institutions',
    'justice.read',
    'protection.read',
    'hotline.read',
    'operation.read',
    'prevention.read',
    'stats.read',
    'stats.exact',
    'export.create',
    'report.manage',
    'quality.read',
  ],
  supervisor: [
    ...caseWork,
    'audit.read',
    'duplicates.review',
    'duplicates.review.cross_institution',
    'protection.consent_override',
    'hotline.read',
    'operation.read',
    'prevention.read',
    'stats.read',
    'stats.exact',
    'export.create',
    'quality.read',
  ],
};

export function permissionsOf(userRoles: readonly string[]): Set<Permission> {
  const granted = new Set<Permission>();
  for (const role of userRoles) {
    for (const permission of rolePermissions[role as Role] ?? []) granted.add(permission);
  }
  return granted;
}
