import { and, asc, eq, sql } from 'drizzle-orm';
import type { BoundaryRow } from '../../core/geo/boundaries';
import type { Tx } from '../../db/connect';
import { geoBoundaries } from '../../db/schema';

/** Inserts or replaces each division's boundary (re-importing the same file changes nothing else). */
export async function upsertBoundaries(tx: Tx, rows: readonly BoundaryRow[], source: string | null): Promise<void> {
  for (let i = 0; i < rows.length; i += 50) {
    const chunk = rows.slice(i, i + 50).map((r) => ({ code: r.code, level: r.level, name: r.name, parentCode: r.parentCode, geometry: r.geometry, source }));
    await tx
      .insert(geoBoundaries)
      .values(chunk)
      .onConflictDoUpdate({
        target: geoBoundaries.code,
        set: { level: sql`excluded.level`, name: sql`excluded.name`, parentCode: sql`excluded.parent_code`, geometry: sql`excluded.geometry`, source: sql`excluded.source`, importedAt: sql`now()` },
      });
  }
}

export async function listBoundaries(tx: Tx, where: { level?: number; parent?: string }) {
  const conditions = [
    where.level !== undefined ? eq(geoBoundaries.level, where.level) : undefined,
    where.parent !== undefined ? eq(geoBoundaries.parentCode, where.parent) : undefined,
  ].filter((c) => c !== undefined);
  return tx
    .select({ code: geoBoundaries.code, level: geoBoundaries.level, name: geoBoundaries.name, geometry: geoBoundaries.geometry, source: geoBoundaries.source })
    .from(geoBoundaries)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(geoBoundaries.code));
}
