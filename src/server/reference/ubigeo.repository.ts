import { inArray } from 'drizzle-orm';
import { peruDepartments } from '../../core/geo/departments';
import type { Tx } from '../../db/connect';
import { ubigeo } from '../../db/schema';
import { AppError } from '../errors/app-error';

/** Codes among `codes` that the loaded reference does not know (departments are always known). */
export async function findUnknownUbigeos(tx: Tx, codes: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(codes)];
  if (wanted.length === 0) return [];
  const rows = await tx.select({ code: ubigeo.code }).from(ubigeo).where(inArray(ubigeo.code, wanted));
  const known = new Set(rows.map((r) => r.code));
  return wanted.filter((code) => !known.has(code));
}

/** Throws a field-level 400 naming the first unknown code. `fieldOf` maps a code to its input path. */
export async function assertUbigeosKnown(tx: Tx, entries: ReadonlyArray<{ code: string; field: string }>): Promise<void> {
  const unknown = new Set(await findUnknownUbigeos(tx, entries.map((e) => e.code)));
  const fields: Record<string, string> = {};
  for (const entry of entries) if (unknown.has(entry.code)) fields[entry.field] = 'unknown_ubigeo';
  if (Object.keys(fields).length > 0) throw new AppError('validation.failed', 400, undefined, fields);
}

/** The 25 departments are built in: inserted on every start, harmlessly. */
export async function ensureDepartments(tx: Tx): Promise<void> {
  await tx
    .insert(ubigeo)
    .values(peruDepartments.map((d) => ({ code: d.code, level: 1, name: d.name, parentCode: null, departmentCode: d.code })))
    .onConflictDoNothing({ target: ubigeo.code });
}
