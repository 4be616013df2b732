import { ubigeo } from '../../db/schema';
import { createAdminService } from '../admin/admin.service';
import { systemCtx } from '../context';
import type { Deps } from '../deps';
import { uniqueCode } from '../../../test/factories';

/** Provinces and districts the tests place calls in (the built-in reference has departments only). */
export async function addUbigeos(deps: Deps, codes: string[]) {
  await deps.db
    .insert(ubigeo)
    .values(codes.map((code) => ({ code, level: code.length / 2, name: `Place ${code}`, parentCode: code.length > 2 ? code.slice(0, code.length - 2) : null, departmentCode: code.slice(0, 2) })))
    .onConflictDoNothing();
}

/** A unit with the given seat; `null` makes a unit with national reach. */
export function makeSeatedUnit(deps: Deps, institutionId: string, seat: string | null) {
  const code = uniqueCode('UNIT');
  return createAdminService(deps).createUnit(systemCtx('test'), { institutionId, code, name: `Unit ${code}`, ubigeo: seat });
}

export const callInput = (overrides: Record<string, unknown> = {}) => ({
  receivedAt: '2026-03-04T15:20:00-05:00',
  channel: 'phone',
  callerType: 'witness',
  classification: 'tip_report_action_required',
  ...overrides,
});
