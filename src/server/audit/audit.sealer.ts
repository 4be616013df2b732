import type { Tx } from '../../db/connect';
import { keyedAuditHash, storedAuditContent, unsealedAuditHash } from './audit.hash';
import { currentAuditKey } from './audit.key';
import { lockAuditSealer, readChainHead, sealBarrier, sealRows, unsealedRowsUpTo } from './audit.repository';
import { markWritesNoFacts } from '../stats/facts/facts.hook';

export class AuditSealError extends Error {
  constructor(readonly rowId: number) {
    super(`audit entry ${rowId} does not match the keyed hash it was written with: it was altered before it was chained. Sealing stops here; run \`reta audit verify\`.`);
    this.name = 'AuditSealError';
  }
}

export interface SealResult {
  /** Entries chained by this call. */
  sealed: number;
  /** In-flight audited transactions did not end in time: nothing was sealed, try again later. */
  deferred: boolean;
}

const BATCH = 500;

/**
 * Chains every committed unsealed entry, in id order, onto the keyed chain. First the barrier (an instant
 * exclusive hold of the writers' shared lock) gives the id up to which nothing more can appear; then, under
 * the sealer lock (one sealer at a time, on any instance), batches of entries are checked against their
 * unsealed hash and given their position and chained hash. An altered entry stops the sealing there.
 * Works on the database (its own short transactions) or inside a caller's transaction (tests, start-up).
 */
export async function sealAuditLog(db: Tx, options: { waitMs?: number } = {}): Promise<SealResult> {
  const key = currentAuditKey();
  const barrier = await sealBarrier(db, options.waitMs ?? 200);
  if (barrier === null) return { sealed: 0, deferred: true };
  let sealed = 0;
  for (;;) {
    const count = await db.transaction(async (tx) => {
      markWritesNoFacts(tx);
      await lockAuditSealer(tx);
      const rows = await unsealedRowsUpTo(tx, barrier, BATCH);
      if (!rows.length) return 0;
      let head = await readChainHead(tx);
      const links = rows.map((row) => {
        const content = storedAuditContent(row);
        if (unsealedAuditHash(key, content) !== row.hash) throw new AuditSealError(row.id);
        const seq = head.seq + 1;
        const hash = keyedAuditHash(key, { ...content, seq, prevHash: head.hash });
        const link = { id: row.id, seq, prevHash: head.hash, hash };
        head = { seq, hash };
        return link;
      });
      await sealRows(tx, links);
      return rows.length;
    });
    sealed += count;
    if (count < BATCH) return { sealed, deferred: false };
  }
}
