import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { peruDepartments } from '../../core/geo/departments';
import type { Role } from '../../core/permissions';
import type { Tx } from '../../db/connect';
import { institutions, units, users } from '../../db/schema';

export type DemoKind = 'police' | 'prosecution' | 'judiciary' | 'social_services' | 'labour_inspection' | 'hotline' | 'other';

const institutionSpecs: ReadonlyArray<{ kind: DemoKind; code: string; name: string; departments: readonly string[] | 'all' }> = [
  { kind: 'police', code: 'DEMO-PNP', name: 'Policía Nacional — Investigación de Trata (demo)', departments: 'all' },
  { kind: 'prosecution', code: 'DEMO-MP', name: 'Ministerio Público — Fiscalías de Trata (demo)', departments: 'all' },
  { kind: 'judiciary', code: 'DEMO-PJ', name: 'Poder Judicial — Juzgados Penales (demo)', departments: 'all' },
  { kind: 'social_services', code: 'DEMO-MIMP', name: 'Servicios de Protección de Víctimas (demo)', departments: ['15', '17', '08', '21', '16', '04', '13', '12', '03', '10'] },
  { kind: 'labour_inspection', code: 'DEMO-SUNAFIL', name: 'Inspección del Trabajo (demo)', departments: ['15', '17', '08', '21', '16', '04', '13', '20'] },
  { kind: 'hotline', code: 'DEMO-LINEA', name: 'Línea gratuita contra la trata (demo)', departments: ['15'] },
  { kind: 'other', code: 'DEMO-OBS', name: 'Observatorio de estadística (demo)', departments: ['15'] },
];

export interface DemoUnit {
  id: string;
  institutionId: string;
  departmentCode: string;
}

export interface DemoOrganisation {
  institutionIds: Record<DemoKind, string>;
  /** kind → department code → unit; a department without its own unit falls back to Lima's. */
  units: Record<DemoKind, Record<string, DemoUnit>>;
  usernames: string[];
}

/** The unit of `kind` in `department`, or the one in Lima when that department has none. */
export function unitFor(org: DemoOrganisation, kind: DemoKind, department: string): DemoUnit {
  const byDepartment = org.units[kind];
  return byDepartment[department] ?? byDepartment['15']!;
}

const roleHome: Record<Role, DemoKind> = {
  administrator: 'other',
  registrar: 'police',
  investigator: 'police',
  prosecutor: 'prosecution',
  court_clerk: 'judiciary',
  social_worker: 'social_services',
  hotline_operator: 'hotline',
  labour_inspector: 'labour_inspection',
  analyst: 'other',
  supervisor: 'police',
};

export const demoUsername = (role: Role) => `demo-${role.replace(/_/g, '-')}`;

/**
 * Institutions, one unit per department they cover, and one signed-in-ready user per role, all sharing
 * `passwordHash`. What already exists (by institution code, unit code, username) is kept as it is: a reset
 * from the web app keeps the accounts, their passwords and sessions, and regenerates only the data.
 */
export async function createDemoOrganisation(tx: Tx, passwordHash: string): Promise<DemoOrganisation> {
  const institutionIds = {} as Record<DemoKind, string>;
  const unitMap = {} as Record<DemoKind, Record<string, DemoUnit>>;
  const existingInstitutions = await tx.select({ id: institutions.id, code: institutions.code }).from(institutions).where(inArray(institutions.code, institutionSpecs.map((s) => s.code)));
  for (const spec of institutionSpecs) {
    const id = existingInstitutions.find((i) => i.code === spec.code)?.id ?? randomUUID();
    institutionIds[spec.kind] = id;
    if (!existingInstitutions.some((i) => i.id === id)) await tx.insert(institutions).values({ id, code: spec.code, name: spec.name, kind: spec.kind, ubigeo: '15' });
    const departments = spec.departments === 'all' ? peruDepartments.map((d) => d.code) : spec.departments;
    const wanted = departments.map((code) => ({
      id: randomUUID(),
      institutionId: id,
      code: `${spec.code}-${code}`,
      name: `${spec.name.replace(/ \(demo\)$/, '')} — ${peruDepartments.find((d) => d.code === code)!.name}`,
      ubigeo: code,
      departmentCode: code,
    }));
    const existingUnits = await tx.select({ id: units.id, code: units.code }).from(units).where(inArray(units.code, wanted.map((u) => u.code)));
    const rows = wanted.map((u) => ({ ...u, id: existingUnits.find((e) => e.code === u.code)?.id ?? u.id }));
    const missing = rows.filter((r) => !existingUnits.some((e) => e.id === r.id));
    if (missing.length) await tx.insert(units).values(missing);
    unitMap[spec.kind] = Object.fromEntries(rows.map((r) => [r.departmentCode, { id: r.id, institutionId: id, departmentCode: r.departmentCode }]));
  }
  const userRows = (Object.keys(roleHome) as Role[]).map((role) => ({
    username: demoUsername(role),
    displayName: `Demo ${role}`,
    passwordHash,
    institutionId: institutionIds[roleHome[role]],
    unitId: unitMap[roleHome[role]]['15']!.id,
    roles: [role],
    scopeNational: true,
    mustChangePassword: false,
    passwordChangedAt: new Date(),
  }));
  await tx.insert(users).values(userRows).onConflictDoNothing({ target: users.username });
  return { institutionIds, units: unitMap, usernames: userRows.map((u) => u.username) };
}
