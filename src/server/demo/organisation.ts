import { randomUUID } from 'node:crypto';
import { peruDepartments } from '../../core/geo/departments';
import type { Role } from '../../core/permissions';
import type { Tx } from '../../db/connect';
import { institutions, units, users } from '../../db/schema';
import { hashPassword } from '../auth/passwords';

/** The one password every demo account shares: printed on the console, training data only. */
export const DEMO_PASSWORD = 'Demo-Reta-2026!';

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

/** Institutions, one unit per department they cover, and one signed-in-ready user per role. */
export async function createDemoOrganisation(tx: Tx): Promise<DemoOrganisation> {
  const institutionIds = {} as Record<DemoKind, string>;
  const unitMap = {} as Record<DemoKind, Record<string, DemoUnit>>;
  for (const spec of institutionSpecs) {
    const id = randomUUID();
    institutionIds[spec.kind] = id;
    await tx.insert(institutions).values({ id, code: spec.code, name: spec.name, kind: spec.kind, ubigeo: '15' });
    const departments = spec.departments === 'all' ? peruDepartments.map((d) => d.code) : spec.departments;
    const rows = departments.map((code) => ({
      id: randomUUID(),
      institutionId: id,
      code: `${spec.code}-${code}`,
      name: `${spec.name.replace(/ \(demo\)$/, '')} — ${peruDepartments.find((d) => d.code === code)!.name}`,
      ubigeo: code,
      departmentCode: code,
    }));
    await tx.insert(units).values(rows);
    unitMap[spec.kind] = Object.fromEntries(rows.map((r) => [r.departmentCode, { id: r.id, institutionId: id, departmentCode: r.departmentCode }]));
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
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
  await tx.insert(users).values(userRows);
  return { institutionIds, units: unitMap, usernames: userRows.map((u) => u.username) };
}
