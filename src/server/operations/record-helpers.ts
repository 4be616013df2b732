import { asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/connect';
import { units } from '../../db/schema';
import type { Actor } from '../context';
import { AppError } from '../errors/app-error';

/**
 * Small helpers shared by the operations, prevention and hotline features (records owned by an
 * institution and one of its units, listed with offset pagination). Their row scope is the policy's
 * institution records rule (src/server/policy).
 */

/** The unit a new record belongs to: the one named (of the actor's institution) or the actor's own. */
export async function resolveOwnerUnit(tx: Tx, actor: Actor, unitId: string | null | undefined) {
  const wanted = unitId ?? actor.unitId;
  if (!wanted) return { unitId: null, departmentCode: null };
  const [unit] = await tx.select().from(units).where(eq(units.id, wanted)).limit(1);
  if (!unit) throw new AppError('validation.failed', 400, undefined, { unitId: 'unit.not_found' });
  if (unit.institutionId !== actor.institutionId) throw new AppError('validation.failed', 400, undefined, { unitId: 'unit.wrong_institution' });
  return { unitId: unit.id, departmentCode: unit.departmentCode };
}

/** `sort=-receivedAt` → an ORDER BY from the allowed columns; the default when absent or unknown. */
export function orderFrom(sort: string | undefined, allowed: Record<string, AnyPgColumn>, fallback: SQL[]): SQL[] {
  if (!sort) return fallback;
  const parts: SQL[] = [];
  for (const raw of sort.split(',')) {
    const name = raw.trim().replace(/^-/, '');
    const column = allowed[name];
    if (!column) throw new AppError('validation.failed', 400, undefined, { sort: 'invalid_value' });
    parts.push(raw.trim().startsWith('-') ? desc(column) : asc(column));
  }
  return parts.length ? parts : fallback;
}

export const pageOffset = (page: number, pageSize: number) => (page - 1) * pageSize;

/** Inclusive calendar-date filters on a date or timestamp column. */
export function periodConditions(column: AnyPgColumn, from?: string, to?: string, isTimestamp = false): SQL[] {
  const conditions: SQL[] = [];
  if (from) conditions.push(isTimestamp ? sql`${column} >= ${from}::date` : sql`${column} >= ${from}`);
  if (to) conditions.push(isTimestamp ? sql`${column} < (${to}::date + 1)` : sql`${column} <= ${to}`);
  return conditions;
}
