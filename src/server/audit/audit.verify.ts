import { asc, gt } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { auditLog } from '../../db/schema';
import { GENESIS_HASH, hashAuditEntry } from './audit.hash';

export type AuditVerification =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAtId: number; problem: 'hash_mismatch' | 'chain_broken' };

/** Walks the whole chain in id order and reports the first row whose hash or link does not hold. */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<AuditVerification> {
  let expectedPrev = GENESIS_HASH;
  let lastId = 0;
  let entries = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(batchSize);
    if (rows.length === 0) return { ok: true, entries };
    for (const row of rows) {
      entries++;
      if (row.prevHash !== expectedPrev) return { ok: false, entries, brokenAtId: row.id, problem: 'chain_broken' };
      const { id: _id, hash, ...fields } = row;
      if (hashAuditEntry(fields) !== hash) return { ok: false, entries, brokenAtId: row.id, problem: 'hash_mismatch' };
      expectedPrev = hash;
      lastId = row.id;
    }
  }
}
